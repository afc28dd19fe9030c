using BenchmarkDotNet.Attributes;
using NewsMonitor.Archive;
using NewsMonitor.Benchmarks.Archive;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// The matching part of a backfill, backtest or search — <c>MentionMatcher.Match(article.ToArticleText(), feedId)</c>
/// per archived article — against the bare <c>TermAutomaton.Scan</c> of the same headline and body with the automaton
/// the same matcher compiles: the issue holds the first within 2× of the second. The articles are 8,000 of the archive
/// benchmark's (<see cref="ArchiveCorpus"/>), about 37 million characters: far more than any cache holds.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
[Config(typeof(Throughput))]
public class ArchiveMatchingBenchmarks
{
    private const int ArticleCount = 8_000;

    private static readonly Lazy<ArchivedArticle[]> Corpus = new(() =>
    {
        var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return ArchiveCorpus.Spread(ArticleCount, 1_000, from, from.AddDays(30)).ToArray();
    });

    private ArchivedArticle[] articles = null!;
    private Func<ArchivedArticle, int> bare = null!;
    private Func<ArchivedArticle, int> match = null!;

    [Params("seed watchlist", "search query")]
    public string Watchlist { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        articles = Corpus.Value;
        var watchlist = Watchlist == "seed watchlist" ? ArchiveVisitors.SeedWatchlist() : ArchiveVisitors.SearchWatchlist();
        bare = ArchiveVisitors.BareScan(watchlist);
        match = ArchiveVisitors.Matching(watchlist);
    }

    [Benchmark(Baseline = true, Description = "bare TermAutomaton.Scan")]
    public long BareScan() => Visit(bare);

    [Benchmark(Description = "MentionMatcher.Match")]
    public long Match() => Visit(match);

    private long Visit(Func<ArchivedArticle, int> visitor)
    {
        long found = 0;
        foreach (var article in articles)
        {
            found += visitor(article);
        }

        return found;
    }

    private sealed class Throughput : BenchmarkDotNet.Configs.ManualConfig
    {
        public Throughput() => AddColumn(new RateColumn("MB/s", "Megabytes (10^6 characters) of headline and body text per second", () => Corpus.Value.Sum(a => (long)a.Title.Length + a.Text.Length) / 1e6));
    }
}
