using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using NewsMonitor.Articles;
using NewsMonitor.Tests.Matching;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// The best built-in regex engine on the workload of <see cref="MatcherScaleBenchmarks"/>: one alternation of every name
/// and query term, whole words, any case, NonBacktracking. Its own class because it stops at 10,000 terms: there one
/// pass over the large corpus already takes ~3 s (11 MB/s), and at 100,000 terms the benchmark process had not got
/// through its setup and first pass after three minutes on the 2-core machine — a baseline is not worth that.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[Config(typeof(Columns))]
public class RegexScaleBenchmarks
{
    private ArticleText[] articles = null!;
    private Regex nonBacktracking = null!;

    [Params(10, 100, 1_000, 10_000)]
    public int Terms { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // NonBacktracking refuses alternations past ~1,000 terms unless its automaton limit is raised.
        AppContext.SetData("REGEX_NONBACKTRACKING_MAX_AUTOMATA_SIZE", 100_000_000);
        articles = ScaleCorpus.Articles;
        var terms = ScaleWatchlist.Create(Terms).Terms.DistinctBy(t => (t.Text.ToUpperInvariant(), t.Prefix)).OrderByDescending(t => t.Text.Length);
        var alternation = string.Join('|', terms.Select(t => Regex.Escape(t.Text) + (t.Prefix ? @"\w*" : string.Empty)));
        nonBacktracking = new Regex($@"\b(?:{alternation})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }

    [Benchmark(Description = "Regex NonBacktracking")]
    public int RegexNonBacktracking()
    {
        var count = 0;
        foreach (var article in articles)
        {
            count += nonBacktracking.Count(article.Title) + nonBacktracking.Count(article.Body);
        }

        return count;
    }

    private sealed class Columns : BenchmarkDotNet.Configs.ManualConfig
    {
        public Columns() => AddColumn(ScaleCorpus.Throughput);
    }
}
