using System.Diagnostics;
using System.Globalization;
using NewsMonitor.Archive;

namespace NewsMonitor.Benchmarks.Archive;

/// <summary>One timed <see cref="ArchiveScanner.ScanAsync"/> over a window with a per-article visitor.</summary>
/// <param name="Wall">Wall clock of the whole scan, listing the blocks included.</param>
/// <param name="Found">The visitor's results added up (entities matched, or automaton hits).</param>
internal sealed record ScanPass(string Name, ArchiveScanStatistics Statistics, TimeSpan Wall, long Found)
{
    public static async Task<ScanPass> RunAsync(string name, ArchiveScanner scanner, DateTimeOffset from, DateTimeOffset to, Func<ArchivedArticle, int> perArticle)
    {
        long found = 0;
        var clock = Stopwatch.StartNew();
        var statistics = await scanner.ScanAsync(from, to, block =>
        {
            foreach (var article in block.Articles)
            {
                found += perArticle(article);
            }

            return true;
        });
        return new ScanPass(name, statistics, clock.Elapsed, found);
    }

    public double TextMegabytes => Statistics.TextLength / 1e6;

    public double WallMegabytesPerSecond => TextMegabytes / Wall.TotalSeconds;

    /// <summary>Share of the scan's time spent waiting for storage (the rest is the visitor).</summary>
    public double ReadingShare => Statistics.Reading / (Statistics.Reading + Statistics.Visiting);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {Wall.TotalSeconds:F2} s wall, {Statistics.Articles:N0} articles in {Statistics.Blocks:N0} blocks, {TextMegabytes:F0} MB text ({Statistics.CompressedBytes / 1e6:F0} MB read) = {WallMegabytesPerSecond:F0} MB/s; reading {Statistics.Reading.TotalSeconds:F2} s ({ReadingShare:P0}), visiting {Statistics.Visiting.TotalSeconds:F2} s ({1 - ReadingShare:P0}); found {Found:N0}");
}
