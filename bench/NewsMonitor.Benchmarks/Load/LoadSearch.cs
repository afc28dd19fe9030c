using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using NewsMonitor.Archive;
using NewsMonitor.Benchmarks.Archive;
using NewsMonitor.Storage;

namespace NewsMonitor.Benchmarks.Load;

/// <summary>
/// After a load run: the search-equivalent scan (a one-topic matcher through <see cref="ArchiveScanner"/>) over what
/// the run archived — first as the pipeline left it, one small blob per article, then compacted — and over seven days
/// of the same feeds before it.
/// </summary>
internal static class LoadSearch
{
    public static async Task RunAsync(MonitorStorage storage, int feeds, DateTimeOffset loadStarted, TextWriter output)
    {
        var archive = new ArticleArchive(storage);
        var scanner = new ArchiveScanner(archive);
        var from = loadStarted.AddMinutes(-1);
        var search = ArchiveVisitors.Matching(ArchiveVisitors.SearchWatchlist());
        var pending = await ScanPass.RunAsync($"search '{ArchiveVisitors.SearchQuery}' over the load's archive, not compacted yet", scanner, from, DateTimeOffset.UtcNow.AddMinutes(1), search);
        await output.WriteLineAsync(pending.ToString());

        // The load's hour is still open; a clock past its end and the compaction grace lets the compactor close it now.
        var clock = Stopwatch.StartNew();
        var blocks = await new ArchiveCompactor(storage, archive, new SingletonLock(storage), new LaterClock(TimeSpan.FromHours(2)), NullLogger<ArchiveCompactor>.Instance).CompactAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"compaction: {blocks} blocks in {clock.Elapsed.TotalSeconds:F1} s"));
        var compacted = await ScanPass.RunAsync($"search '{ArchiveVisitors.SearchQuery}' over the load's archive, compacted", scanner, from, DateTimeOffset.UtcNow.AddMinutes(1), search);
        await output.WriteLineAsync(compacted.ToString());

        await WeekSearch.RunAsync(storage, feeds, ArchiveBlock.HourOf(loadStarted), output);
    }
}
