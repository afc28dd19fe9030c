using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsMonitor.Articles;
using NewsMonitor.Feeds;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Tests.Corpora;

/// <summary>
/// Real, varied news text from <c>../shared/corpora</c> for measuring and checking the matcher at scale, and watchlist
/// terms shaped like a user's. One file for the Core tests and the benchmarks (which link it), so both read the same text.
/// </summary>
/// <remarks>
/// <see cref="Distinct"/>: the hand-marked bodies of the article-extraction pages, the items (title and text) of the real
/// feeds, and the visible text of the pages themselves, boilerplate included. <see cref="Repeated"/>: that text again and
/// again, each round in its own shuffled order and in its own copies, until it passes <see cref="MinimumBytes"/> of UTF-8 —
/// so a scan reads tens of megabytes of memory, never a buffer that stays in the CPU's cache.
/// </remarks>
internal static partial class LargeCorpus
{
    /// <summary>The UTF-8 size <see cref="Repeated"/> reaches: several times the last-level cache of any server CPU.</summary>
    public const long MinimumBytes = 30_000_000;

    /// <summary>The terms <see cref="Terms"/> can give, in a fixed order.</summary>
    public const int MaxTerms = 120_000;

    private const int ShuffleSeed = 18;

    private static readonly Lazy<CorpusArticle[]> LoadedDistinct = new(LoadDistinct);
    private static readonly Lazy<ArticleText[]> LoadedRepeated = new(Repeat);
    private static readonly Lazy<TermLists> LoadedTerms = new(ComposeTerms);

    /// <summary>Every text of the corpus once, under a stable id: <c>page:{id}</c> (hand-marked body), <c>feed:{file}#{item}</c>, <c>html:{id}</c> (page text).</summary>
    public static IReadOnlyList<CorpusArticle> Distinct => LoadedDistinct.Value;

    /// <summary>The distinct texts repeated in varied orders to at least <see cref="MinimumBytes"/>: the work of one benchmark operation.</summary>
    public static IReadOnlyList<ArticleText> Repeated => LoadedRepeated.Value;

    public static long Utf8Bytes(IEnumerable<ArticleText> articles)
        => articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Title) + Encoding.UTF8.GetByteCount(a.Body));

    /// <summary>
    /// The first <paramref name="count"/> terms: the two-word capitalised names of the hand-marked bodies, then their
    /// capitalised words, then two-word names made of those words — all skipping the 300 most frequent words and the names
    /// a watchlist refuses (stop words), each group in a fixed pseudo-random order, no two equal ignoring case.
    /// </summary>
    public static string[] Terms(int count) => First(LoadedTerms.Value.Terms, count);

    /// <summary>
    /// The first <paramref name="count"/> two-word names, as the issue shapes a large watchlist: half the corpus's own
    /// capitalised pairs (people the news names) and half pairs made of its capitalised words (people it does not),
    /// alternating while the corpus's pairs last, then made ones only.
    /// </summary>
    public static string[] Names(int count) => First(LoadedTerms.Value.Names, count);

    /// <summary>Whether a name of <see cref="Names"/> is one the corpus itself writes.</summary>
    public static bool IsWrittenInCorpus(string name) => LoadedTerms.Value.Written.Contains(name);

    private static string[] First(string[] list, int count) => count <= list.Length
        ? list[..count]
        : throw new ArgumentOutOfRangeException(nameof(count), count, $"the corpus yields {list.Length}");

    private static CorpusArticle[] LoadDistinct()
    {
        var articles = new List<CorpusArticle>();
        var pages = SharedCorpus.FolderOf(SharedCorpus.ArticleExtraction);
        using (var truth = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(pages, "truth.json"))))
        {
            foreach (var page in truth.RootElement.EnumerateObject())
            {
                articles.Add(new("page:" + page.Name, new ArticleText(string.Empty, page.Value.GetProperty("articleBody").GetString() ?? string.Empty)));
            }
        }

        var feeds = Path.Combine(SharedCorpus.FolderOf(SharedCorpus.Feeds), "real");
        foreach (var file in Directory.EnumerateFiles(feeds).Order(StringComparer.Ordinal))
        {
            ParsedFeed feed;
            try
            {
                feed = FeedParser.Parse(File.ReadAllBytes(file), new Uri("https://feeds.example/" + Path.GetFileName(file)));
            }
            catch (FeedParseException)
            {
                continue;
            }

            for (var i = 0; i < feed.Items.Count; i++)
            {
                // As the feed poller reads an item: its title and its content (or summary) as plain text.
                var item = feed.Items[i];
                articles.Add(new(
                    $"feed:{Path.GetFileName(file)}#{i}",
                    new ArticleText(HtmlText.ToPlainText(item.Title ?? string.Empty), HtmlText.ToPlainText(item.Content ?? item.Summary ?? string.Empty))));
            }
        }

        // Pages read as UTF-8 whatever their meta charset says (the corpus's README); all visible text, menus and footers too.
        foreach (var page in Directory.EnumerateFiles(pages, "*.html").Order(StringComparer.Ordinal))
        {
            articles.Add(new("html:" + Path.GetFileNameWithoutExtension(page), new ArticleText(string.Empty, HtmlText.ToPlainText(File.ReadAllText(page, Encoding.UTF8)))));
        }

        return [.. articles];
    }

    private static ArticleText[] Repeat()
    {
        var distinct = LoadedDistinct.Value;
        var random = new Random(ShuffleSeed);
        var repeated = new List<ArticleText>();
        var bytes = 0L;
        while (bytes < MinimumBytes)
        {
            var order = Enumerable.Range(0, distinct.Length).ToArray();
            random.Shuffle(order);
            foreach (var i in order)
            {
                // Copies, so every round lies elsewhere in memory.
                var text = distinct[i].Text;
                repeated.Add(new ArticleText(new string(text.Title.AsSpan()), new string(text.Body.AsSpan())));
                bytes += Encoding.UTF8.GetByteCount(text.Title) + Encoding.UTF8.GetByteCount(text.Body);
            }
        }

        return [.. repeated];
    }

    private static TermLists ComposeTerms()
    {
        var all = string.Join("\n", LoadedDistinct.Value.Where(a => a.Id.StartsWith("page:", StringComparison.Ordinal)).Select(a => a.Text.Body));
        var words = Word().Matches(all).Select(m => m.Value).ToList();
        var frequent = words.GroupBy(w => w.ToLowerInvariant()).OrderByDescending(g => g.Count()).Take(300).Select(g => g.Key).ToHashSet();
        var names = CapitalisedPair().Matches(all).Select(m => m.Value).Where(n => !n.Split(' ').Any(w => frequent.Contains(w.ToLowerInvariant())));
        var capitalised = words.Where(w => char.IsUpper(w[0]) && w.Length > 2 && !frequent.Contains(w.ToLowerInvariant()));
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in new[] { names, capitalised })
        {
            // A stop word or a single letter is a name no watchlist accepts.
            terms.AddRange(group.Distinct().OrderBy(Scramble).Where(t => FloodingNames.ProblemWithName(t, []) is null).Where(seen.Add));
        }

        // Two-word names made of the capitalised words: each round pairs every word with another, a different one each
        // round, until there are enough (the first round is the one the small benchmarks have always used).
        var written = terms.Where(t => t.Contains(' ', StringComparison.Ordinal)).ToArray();
        var made = new List<string>();
        var singles = capitalised.Distinct().OrderBy(Scramble).ToArray();
        for (var round = 0; terms.Count < MaxTerms; round++)
        {
            for (var i = 0; i < singles.Length && terms.Count < MaxTerms; i++)
            {
                var second = singles[(int)((((long)i * 7919) + ((long)round * 613)) % singles.Length)];
                var name = $"{singles[i]} {second}";
                if (seen.Add(name))
                {
                    terms.Add(name);
                    made.Add(name);
                }
            }
        }

        var alternating = new List<string>(written.Length + made.Count);
        for (var i = 0; i < made.Count; i++)
        {
            if (i < written.Length)
            {
                alternating.Add(written[i]);
            }

            alternating.Add(made[i]);
        }

        return new TermLists([.. terms], [.. alternating], written.ToHashSet(StringComparer.Ordinal));
    }

    private sealed record TermLists(string[] Terms, string[] Names, HashSet<string> Written);

    private static uint Scramble(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    [GeneratedRegex(@"\b\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+\b")]
    private static partial Regex CapitalisedPair();

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();
}

/// <summary>A text of <see cref="LargeCorpus"/> under an id that says where it comes from.</summary>
internal sealed record CorpusArticle(string Id, ArticleText Text);
