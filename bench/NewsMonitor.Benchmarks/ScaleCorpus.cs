using NewsMonitor.Articles;
using NewsMonitor.Matching;
using NewsMonitor.Tests.Corpora;
using NewsMonitor.Tests.Matching;

namespace NewsMonitor.Benchmarks;

/// <summary>What the scale benchmarks share: the large corpus, its size, and a scale watchlist's terms in the forms each matcher takes.</summary>
internal static class ScaleCorpus
{
    private static readonly Lazy<long> Bytes = new(() => LargeCorpus.Utf8Bytes(LargeCorpus.Repeated));

    /// <summary>The large corpus (≥ 30 MB of UTF-8), or an error naming what is missing.</summary>
    public static ArticleText[] Articles => [.. LargeCorpus.Repeated];

    public static double Megabytes => Bytes.Value / 1e6;

    /// <summary>A column of MB/s over the large corpus: one operation reads all of it.</summary>
    public static RateColumn Throughput { get; } = new("MB/s", "Megabytes (10^6) of UTF-8 text of the large corpus per second", () => Megabytes);

    /// <summary>The distinct names and query terms, as strings for <c>SearchValues</c> (which has no words, so a prefix term is its stem).</summary>
    public static string[] Strings(ScaleWatchlist watchlist)
        => [.. watchlist.Terms.Select(t => t.Text).Distinct(StringComparer.OrdinalIgnoreCase)];

    public static List<AutomatonPattern> Patterns(ScaleWatchlist watchlist)
        => [.. watchlist.Terms.Select(t => new AutomatonPattern(Tokenizer.FoldedWords(t.Text), t.Prefix))];
}
