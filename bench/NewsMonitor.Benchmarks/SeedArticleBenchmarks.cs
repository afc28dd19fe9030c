using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using NewsMonitor.Articles;
using NewsMonitor.Matching;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// The per-article work of the pipeline on the seed article with the seed watchlist, against the baseline most code
/// would write: one compiled, case-insensitive Regex alternation of every figure name with \b boundaries.
/// </summary>
[MemoryDiagnoser]
public class SeedArticleBenchmarks
{
    private ArticleText article = null!;
    private string html = null!;
    private MentionMatcher matcher = null!;
    private Regex alternation = null!;
    private PageTextExtractor extractor = null!;

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "seeds");
        article = ArticleDocument.FromPlainText(File.ReadAllText(Path.Combine(folder, "seed-article.txt")));
        html = File.ReadAllText(Path.Combine(folder, "seed-article.html"));
        var watchlist = WatchlistLoader.Parse(File.ReadAllBytes(Path.Combine(folder, "watchlist.json")), "watchlist.json");
        matcher = new MentionMatcher(watchlist);
        var names = watchlist.Figures.SelectMany(f => f.Names).OrderByDescending(n => n.Length).Select(Regex.Escape);
        alternation = new Regex($@"\b(?:{string.Join('|', names)})\b", RegexOptions.IgnoreCase | RegexOptions.Compiled | RegexOptions.CultureInvariant);
        extractor = new PageTextExtractor();
        BytesPerArticle = Encoding.UTF8.GetByteCount(article.Title) + Encoding.UTF8.GetByteCount(article.Body);
    }

    /// <summary>UTF-8 bytes of one article, to turn the mean time into MB/s.</summary>
    public int BytesPerArticle { get; private set; }

    [Benchmark(Baseline = true, Description = "Regex alternation of figure names (count only)")]
    public int RegexFigureNames() => alternation.Count(article.Title) + alternation.Count(article.Body);

    [Benchmark(Description = "MentionMatcher: figures + topics + alerts with evidence")]
    public int MatchWithEvidence() => matcher.Match(article).Mentions.Count;

    [Benchmark(Description = "Page extraction + matching (the ExtractMentions path)")]
    public int ExtractAndMatch() => matcher.Match(extractor.Extract(html).ToArticleText()).Mentions.Count;
}
