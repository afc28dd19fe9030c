using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using NewsMonitor.Storage;

namespace NewsMonitor.Archive;

/// <summary>
/// Folds each closed hour's small per-article blobs into its compressed block blobs. Every step can be repeated: the
/// block is rewritten whole with what it had plus the small blobs, and only then are they deleted, so a compaction
/// stopped at any point and run again ends with each article stored once.
/// </summary>
public sealed partial class ArchiveCompactor(MonitorStorage storage, ArticleArchive archive, SingletonLock singleton, TimeProvider clock, ILogger<ArchiveCompactor> logger)
{
    /// <summary>How long after its hour a block is left open for articles still on their way through the queue.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(10);

    /// <summary>NCRONTAB (with seconds) of the compaction timer: every quarter hour, clear of the hour's digests.</summary>
    public const string Schedule = "0 5,20,35,50 * * * *";

    /// <summary>Compacts every closed block that has small blobs; one process at a time.</summary>
    /// <returns>The blocks compacted.</returns>
    public async Task<int> CompactAsync(CancellationToken cancellationToken = default)
    {
        await using var held = await singleton.TryAcquireAsync("ArchiveCompaction", cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            return 0;
        }

        var closedBefore = clock.GetUtcNow() - Grace;
        var pending = new SortedDictionary<ArchiveBlock, List<string>>(ArchiveBlock.NewestFirst);
        await foreach (var blob in storage.Archive.GetBlobsAsync(BlobTraits.None, BlobStates.None, ArchiveBlock.PendingPrefix, cancellationToken).ConfigureAwait(false))
        {
            if (ArchiveBlock.TryParsePath(blob.Name, out var block) && block.End <= closedBefore)
            {
                (pending.TryGetValue(block, out var names) ? names : pending[block] = []).Add(blob.Name);
            }
        }

        foreach (var (block, names) in pending)
        {
            await CompactAsync(block, names, cancellationToken).ConfigureAwait(false);
        }

        return pending.Count;
    }

    private async Task CompactAsync(ArchiveBlock block, List<string> pendingNames, CancellationToken cancellationToken)
    {
        var byId = new Dictionary<string, ArchivedArticle>(StringComparer.Ordinal);
        if (await archive.DownloadAsync(block.CompactedPath, cancellationToken).ConfigureAwait(false) is { } compacted)
        {
            foreach (var article in compacted.Articles)
            {
                byId[article.ArticleId] = article;
            }
        }

        var added = 0;
        foreach (var small in await archive.DownloadAllAsync(pendingNames, cancellationToken).ConfigureAwait(false))
        {
            foreach (var article in small?.Articles ?? [])
            {
                added += byId.ContainsKey(article.ArticleId) ? 0 : 1;
                byId[article.ArticleId] = article;
            }
        }

        var ordered = byId.Values.OrderBy(a => a.DiscoveredAt).ThenBy(a => a.ArticleId, StringComparer.Ordinal);
        await storage.Archive.GetBlobClient(block.CompactedPath).UploadAsync(new BinaryData(ArchiveBlockFormat.Write(ordered)), overwrite: true, cancellationToken).ConfigureAwait(false);

        // A redelivery that rewrote a small blob since it was read wrote the same article, which the block now holds.
        await Parallel.ForEachAsync(
            pendingNames,
            new ParallelOptions { MaxDegreeOfParallelism = ArticleArchive.ParallelRequests, CancellationToken = cancellationToken },
            async (name, ct) => await storage.Archive.DeleteBlobIfExistsAsync(name, cancellationToken: ct).ConfigureAwait(false)).ConfigureAwait(false);

        LogCompacted(block.Name, added, byId.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Archive block {Block}: {Added} articles compacted, {Total} in the block")]
    private partial void LogCompacted(string block, int added, int total);
}
