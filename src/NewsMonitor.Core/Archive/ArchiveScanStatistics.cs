namespace NewsMonitor.Archive;

/// <summary>What a scan of the archive read and where its time went.</summary>
/// <param name="Reading">Time spent waiting for blocks from storage (downloads overlap the visits, so this is the wait left over).</param>
/// <param name="Visiting">Time spent in the visitor: matching, for backfills, backtests and searches.</param>
public sealed record ArchiveScanStatistics(int Blocks, int Articles, long CompressedBytes, long TextLength, TimeSpan Reading, TimeSpan Visiting)
{
    /// <summary>Megabytes of text (headline and body, two bytes a character counted as one) read per second of the scan.</summary>
    public double TextMegabytesPerSecond => Reading + Visiting > TimeSpan.Zero ? TextLength / 1e6 / (Reading + Visiting).TotalSeconds : 0;
}
