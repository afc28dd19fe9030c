using System.Buffers;
using BenchmarkDotNet.Attributes;
using NewsMonitor.Articles;
using NewsMonitor.Matching;
using NewsMonitor.Tests.Matching;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// The matcher as watchlists grow (issue 18): one operation is one pass over the whole large corpus (≥ 30 MB, never
/// cache-resident), with watchlists of 10 to 100,000 names and query terms (<see cref="ScaleWatchlist"/>). The scan
/// alone and the whole path (evidence, snippets, scores) against <c>SearchValues&lt;string&gt;</c>, the built-in
/// multi-string search, counting occurrences in any case (it knows no words, so it finds more, never less).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[Config(typeof(Columns))]
public class MatcherScaleBenchmarks
{
    private ArticleText[] articles = null!;
    private SearchValues<string> searchValues = null!;
    private TermAutomaton automaton = null!;
    private AutomatonScratch scratch = null!;
    private MentionMatcher matcher = null!;

    [Params(10, 100, 1_000, 10_000, 100_000)]
    public int Terms { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        articles = ScaleCorpus.Articles;
        var watchlist = ScaleWatchlist.Create(Terms);
        searchValues = SearchValues.Create(ScaleCorpus.Strings(watchlist), StringComparison.OrdinalIgnoreCase);
        automaton = new TermAutomaton(ScaleCorpus.Patterns(watchlist));
        scratch = new AutomatonScratch();
        matcher = new MentionMatcher(watchlist.Watchlist);
    }

    [Benchmark(Baseline = true, Description = "SearchValues<string>.IndexOfAny")]
    public int SearchValuesCount()
    {
        var count = 0;
        foreach (var article in articles)
        {
            count += Count(article.Title) + Count(article.Body);
        }

        return count;
    }

    [Benchmark(Description = "TermAutomaton.Scan")]
    public int Scan()
    {
        var count = 0;
        foreach (var article in articles)
        {
            automaton.Scan(article.Title, scratch);
            count += scratch.Hits.Count;
            automaton.Scan(article.Body, scratch);
            count += scratch.Hits.Count;
        }

        return count;
    }

    [Benchmark(Description = "MentionMatcher.Match (whole path)")]
    public int Match()
    {
        var count = 0;
        foreach (var article in articles)
        {
            count += matcher.Match(article).Mentions.Count;
        }

        return count;
    }

    private int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        int at;
        while ((at = text.IndexOfAny(searchValues)) >= 0)
        {
            count++;
            text = text[(at + 1)..];
        }

        return count;
    }

    private sealed class Columns : BenchmarkDotNet.Configs.ManualConfig
    {
        public Columns() => AddColumn(ScaleCorpus.Throughput);
    }
}
