using System.Diagnostics;
using System.Globalization;
using NewsMonitor.Archive;
using NewsMonitor.Storage;

namespace NewsMonitor.Benchmarks.Archive;

/// <summary>
/// A search over seven days of a feed list's articles: the days are written straight into compacted blocks (a load run
/// produces one poll's worth, not a week), at a news feed's real rate, then one search-equivalent scan times them.
/// </summary>
internal static class WeekSearch
{
    /// <summary>Items a day of a news feed: the middle of the 20–50 of docs/scale.md.</summary>
    public const int ItemsPerFeedPerDay = 30;

    /// <param name="end">The end of the seven days: the hour the newer articles (a load's) start.</param>
    public static async Task<ScanPass> RunAsync(MonitorStorage storage, int feeds, DateTimeOffset end, TextWriter output)
    {
        var from = end.AddDays(-7);
        var count = feeds * ItemsPerFeedPerDay * 7;
        await storage.Archive.CreateIfNotExistsAsync();
        var clock = Stopwatch.StartNew();
        var seeding = await ArchiveSeeder.WriteBlocksAsync(storage, ArchiveCorpus.Spread(count, feeds, from, end));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"7 days of {feeds:N0} feeds × {ItemsPerFeedPerDay} items a day = {seeding.Articles:N0} articles ({seeding.TextLength / 1e6:F0} MB text, {seeding.CompressedBytes / 1e6:F0} MB in {seeding.Blocks:N0} blocks) written in {clock.Elapsed.TotalSeconds:F0} s"));

        var search = await ScanPass.RunAsync($"search '{ArchiveVisitors.SearchQuery}' over 7 days", new ArchiveScanner(new ArticleArchive(storage)), from, DateTimeOffset.UtcNow.AddMinutes(1), ArchiveVisitors.Matching(ArchiveVisitors.SearchWatchlist()));
        await output.WriteLineAsync(search.ToString());
        return search;
    }
}
