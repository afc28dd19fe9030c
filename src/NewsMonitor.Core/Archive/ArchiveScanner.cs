using System.Diagnostics;

namespace NewsMonitor.Archive;

/// <summary>
/// Reads the archive's blocks over a window, newest first, downloading the next blocks while the visitor works on the
/// current one: the one read path of backfills, backtests and searches.
/// </summary>
public sealed class ArchiveScanner(ArticleArchive archive)
{
    /// <summary>Blocks downloaded ahead of the visitor: enough to hide storage latency, few enough to bound memory.</summary>
    public const int ReadAhead = 4;

    /// <summary>
    /// Hands each block in [from, to) to <paramref name="visit"/>, newest first, with only the articles discovered in the
    /// window; stops early when the visitor returns false.
    /// </summary>
    /// <param name="blocks">The blocks to read, newest first; every block of the window when null.</param>
    public async Task<ArchiveScanStatistics> ScanAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        Func<ArchiveBlockContent, bool> visit,
        IReadOnlyList<ArchiveBlock>? blocks = null,
        CancellationToken cancellationToken = default)
    {
        blocks ??= await archive.ListBlocksAsync(from, to, cancellationToken).ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reads = new Queue<Task<ArchiveBlockContent>>();
        var next = 0;
        int scannedBlocks = 0, articles = 0;
        long bytes = 0, text = 0;
        var reading = TimeSpan.Zero;
        var visiting = TimeSpan.Zero;
        try
        {
            while (next < blocks.Count || reads.Count > 0)
            {
                while (reads.Count < ReadAhead && next < blocks.Count)
                {
                    reads.Enqueue(archive.ReadAsync(blocks[next++], stop.Token));
                }

                var waited = Stopwatch.StartNew();
                var content = await reads.Dequeue().ConfigureAwait(false);
                reading += waited.Elapsed;

                var inWindow = content.Articles.Where(a => a.DiscoveredAt >= from && a.DiscoveredAt < to).ToList();
                var block = inWindow.Count == content.Articles.Count ? content : content with { Articles = inWindow };
                scannedBlocks++;
                articles += block.Articles.Count;
                bytes += content.CompressedBytes;
                text += block.TextLength;

                var visited = Stopwatch.StartNew();
                var more = visit(block);
                visiting += visited.Elapsed;
                if (!more)
                {
                    break;
                }
            }
        }
        finally
        {
            // Reads started ahead of an early stop or a failure are cancelled; how each of them ends no longer matters.
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(reads).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }

        return new ArchiveScanStatistics(scannedBlocks, articles, bytes, text, reading, visiting);
    }
}
