using System.Text;
using NewsMonitor.Tests.Corpora;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// Real news text for the small matcher benchmarks: the ~8 KB articles (6–11 KB of UTF-8) of the article-extraction
/// corpus in <c>../shared/corpora</c>, small enough to stay in cache (<c>MatcherScaleBenchmarks</c> reads tens of
/// megabytes instead), and the watchlist terms of <see cref="LargeCorpus.Terms"/>.
/// </summary>
internal static class NewsCorpus
{
    private static readonly Lazy<string[]> Loaded = new(() => LargeCorpus.Distinct
        .Where(a => a.Id.StartsWith("page:", StringComparison.Ordinal))
        .Select(a => a.Text.Body)
        .Where(b => Encoding.UTF8.GetByteCount(b) is >= 6000 and <= 11000)
        .ToArray());

    public static string[] Articles => Loaded.Value;

    /// <summary>UTF-8 bytes of all <see cref="Articles"/>: the work of one benchmark operation.</summary>
    public static long ArticleBytes => Articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a));

    public static string[] Terms(int count) => LargeCorpus.Terms(count);

    internal static string FindTruthFile() => Path.Combine(SharedCorpus.FolderOf(SharedCorpus.ArticleExtraction), "truth.json");
}
