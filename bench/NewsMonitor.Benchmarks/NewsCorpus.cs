using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// Real news text for the matcher benchmarks: the ~8 KB articles (6–11 KB of UTF-8) of the article-extraction corpus in
/// <c>../shared/corpora</c>, and watchlist terms shaped like a user's: the two-word capitalised names of the corpus
/// (2,555, most of which occur in the articles), then its capitalised words (4,637), then two-word names made of those
/// words — all skipping the 300 most frequent words, each group in a fixed pseudo-random order.
/// </summary>
internal static partial class NewsCorpus
{
    private static readonly Lazy<(string[] Articles, string[] Terms)> Loaded = new(Load);

    public static string[] Articles => Loaded.Value.Articles;

    /// <summary>UTF-8 bytes of all <see cref="Articles"/>: the work of one benchmark operation.</summary>
    public static long ArticleBytes => Articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a));

    public static string[] Terms(int count)
    {
        var terms = Loaded.Value.Terms;
        if (count > terms.Length)
        {
            throw new InvalidOperationException($"the corpus yields {terms.Length} terms, fewer than {count}");
        }

        return terms[..count];
    }

    private static (string[] Articles, string[] Terms) Load()
    {
        var truth = FindTruthFile();
        using var document = JsonDocument.Parse(File.ReadAllBytes(truth));
        var bodies = document.RootElement.EnumerateObject().Select(p => p.Value.GetProperty("articleBody").GetString()!).ToList();
        var articles = bodies.Where(b => Encoding.UTF8.GetByteCount(b) is >= 6000 and <= 11000).ToArray();

        var all = string.Join("\n", bodies);
        var words = Word().Matches(all).Select(m => m.Value).ToList();
        var frequent = words.GroupBy(w => w.ToLowerInvariant()).OrderByDescending(g => g.Count()).Take(300).Select(g => g.Key).ToHashSet();
        var names = CapitalisedPair().Matches(all).Select(m => m.Value).Where(n => !n.Split(' ').Any(w => frequent.Contains(w.ToLowerInvariant())));
        var capitalised = words.Where(w => char.IsUpper(w[0]) && w.Length > 2 && !frequent.Contains(w.ToLowerInvariant()));
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in new[] { names, capitalised })
        {
            terms.AddRange(group.Distinct().OrderBy(Scramble).Where(seen.Add));
        }

        var singles = capitalised.Distinct().OrderBy(Scramble).ToArray();
        var composed = singles.Select((first, i) => $"{first} {singles[(i * 7919) % singles.Length]}");
        terms.AddRange(composed.Where(seen.Add));

        return (articles, terms.ToArray());
    }

    private static uint Scramble(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    internal static string FindTruthFile()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "corpora", "article-extraction", "truth.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("shared/corpora/article-extraction/truth.json was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\b\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+\b")]
    private static partial Regex CapitalisedPair();

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();
}
