using System.Buffers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;
using NewsMonitor.Matching;
using NewsMonitor.Tests.Matching;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// Building the matcher as watchlists grow (issue 18): the whole <see cref="MentionMatcher"/> and its automaton alone,
/// against constructing <c>SearchValues&lt;string&gt;</c> over the same terms — time, bytes allocated, and bytes the
/// built object keeps alive (<see cref="KeptColumn"/>).
/// </summary>
/// <remarks>
/// Forty warm-up iterations of at least 100 ms: at 100,000 terms an iteration is one build, and a constructor runs the
/// JIT's quick, unoptimised tier until it has been called 30 times, while <c>SearchValues.Create</c> is precompiled in the
/// framework. One warm-up, as before, measured the quick tier as much as the build.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(Columns))]
public class MatcherBuildBenchmarks
{
    private ScaleWatchlist watchlist = null!;
    private string[] strings = null!;
    private List<AutomatonPattern> patterns = null!;

    [Params(10, 100, 1_000, 10_000, 100_000)]
    public int Terms { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        watchlist = ScaleWatchlist.Create(Terms);
        strings = ScaleCorpus.Strings(watchlist);
        patterns = ScaleCorpus.Patterns(watchlist);
    }

    [Benchmark(Baseline = true, Description = "SearchValues.Create(terms, OrdinalIgnoreCase)")]
    public SearchValues<string> BuildSearchValues() => SearchValues.Create(strings, StringComparison.OrdinalIgnoreCase);

    [Benchmark(Description = "new TermAutomaton(patterns)")]
    public object BuildAutomaton() => new TermAutomaton(patterns);

    [Benchmark(Description = "new MentionMatcher(watchlist)")]
    public MentionMatcher BuildMatcher() => new(watchlist.Watchlist);

    /// <summary>Builds what <paramref name="method"/> builds, for <see cref="KeptColumn"/>: the inputs are made first, so only the built object is counted.</summary>
    internal static Func<object> Builder(string method, int terms)
    {
        var benchmarks = new MatcherBuildBenchmarks { Terms = terms };
        benchmarks.Setup();
        return method switch
        {
            nameof(BuildSearchValues) => benchmarks.BuildSearchValues,
            nameof(BuildAutomaton) => benchmarks.BuildAutomaton,
            nameof(BuildMatcher) => benchmarks.BuildMatcher,
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "not a benchmark of MatcherBuildBenchmarks"),
        };
    }

    private sealed class Columns : BenchmarkDotNet.Configs.ManualConfig
    {
        public Columns()
        {
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(40).WithIterationCount(5).WithIterationTime(TimeInterval.FromMilliseconds(100)));
            AddColumn(new KeptColumn(Builder, perTerm: false));
            AddColumn(new KeptColumn(Builder, perTerm: true));
        }
    }
}
