using NewsMonitor.Archive;

namespace NewsMonitor.Reading.Search;

/// <summary>How much of the archive a search or a backtest read, and how long it took.</summary>
/// <param name="Seconds">Wall-clock time, listing the blocks included.</param>
/// <param name="ReadingSeconds">Time spent waiting for storage (downloads overlap matching, so this is the wait left over).</param>
/// <param name="MatchingSeconds">Time spent matching.</param>
/// <param name="Complete">Whether the scan reached the start of the window; false when a full page stopped it early.</param>
public sealed record ScanReport(int Blocks, int Articles, double TextMegabytes, double Seconds, double ReadingSeconds, double MatchingSeconds, double TextMegabytesPerSecond, bool Complete)
{
    public static ScanReport From(ArchiveScanStatistics statistics, TimeSpan elapsed, bool complete)
        => new(
            statistics.Blocks,
            statistics.Articles,
            Math.Round(statistics.TextLength / 1e6, 3),
            Math.Round(elapsed.TotalSeconds, 3),
            Math.Round(statistics.Reading.TotalSeconds, 3),
            Math.Round(statistics.Visiting.TotalSeconds, 3),
            Math.Round(statistics.TextMegabytesPerSecond, 1),
            complete);
}
