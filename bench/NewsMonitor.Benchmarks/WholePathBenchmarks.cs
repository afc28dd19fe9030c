using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using NewsMonitor.Articles;
using NewsMonitor.Matching;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// What <c>monitor check</c> does per article text at 1,000 terms: normalise, match, resolve figures and topics, build
/// every mention's snippet and score each entity — against the Regex baseline that only finds the matches.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
[Config(typeof(Throughput))]
public class WholePathBenchmarks
{
    private ArticleText[] articles = null!;
    private Regex compiled = null!;
    private MentionMatcher matcher = null!;

    [Params(1_000)]
    public int Terms { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        articles = NewsCorpus.Articles.Select(ArticleDocument.FromPlainText).ToArray();
        var terms = NewsCorpus.Terms(Terms);
        compiled = new Regex($@"\b(?:{string.Join('|', terms.OrderByDescending(t => t.Length).Select(Regex.Escape))})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        matcher = new MentionMatcher(BenchmarkWatchlist.Create(terms));
    }

    [Benchmark(Baseline = true, Description = "Regex Compiled (matches only)")]
    public int RegexCompiled()
    {
        var count = 0;
        foreach (var article in articles)
        {
            count += compiled.Count(article.Title) + compiled.Count(article.Body);
        }

        return count;
    }

    [Benchmark(Description = "MentionMatcher.Match (evidence + scores)")]
    public int Match()
    {
        var count = 0;
        foreach (var article in articles)
        {
            count += matcher.Match(article).Mentions.Count;
        }

        return count;
    }

    private sealed class Throughput : BenchmarkDotNet.Configs.ManualConfig
    {
        public Throughput() => AddColumn(new ThroughputColumn());
    }
}
