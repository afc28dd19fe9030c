using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using NewsMonitor.Matching;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Benchmarks;

/// <summary>The cost of (re)building the matcher when the watchlist changes, against compiling the equivalent Regex.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class BuildBenchmarks
{
    private Watchlist watchlist = null!;
    private string alternation = null!;

    [Params(10_000)]
    public int Terms { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var terms = NewsCorpus.Terms(Terms);
        watchlist = BenchmarkWatchlist.Create(terms);
        alternation = $@"\b(?:{string.Join('|', terms.OrderByDescending(t => t.Length).Select(Regex.Escape))})\b";
        _ = new MentionMatcher(watchlist);
    }

    [Benchmark(Baseline = true, Description = "new Regex(alternation, Compiled)")]
    public Regex BuildRegex() => new(alternation, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    [Benchmark(Description = "new MentionMatcher(watchlist)")]
    public MentionMatcher BuildMatcher() => new(watchlist);
}
