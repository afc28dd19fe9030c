using Azure;
using Azure.Storage.Blobs.Models;
using NewsMonitor.Storage;

namespace NewsMonitor.Archive;

/// <summary>
/// The text of every processed article, matched or not, in container <c>archive</c>, laid out by <see cref="ArchiveBlock"/>.
/// An article is written as its own small blob (one idempotent put: a redelivery rewrites the same blob), and
/// <see cref="ArchiveCompactor"/> folds a closed hour's small blobs into one compressed block, so reading an hour
/// costs one request per shard.
/// </summary>
public sealed class ArticleArchive(MonitorStorage storage)
{
    /// <summary>Keeps an article; writing it again, before or after compaction, leaves it stored once.</summary>
    public async Task AddAsync(ArchivedArticle article, CancellationToken cancellationToken = default)
    {
        var block = ArchiveBlock.For(article.ArticleId, article.DiscoveredAt);
        var blob = storage.Archive.GetBlobClient(block.PendingPath(article.ArticleId));
        await blob.UploadAsync(new BinaryData(ArchiveBlockFormat.Write([article])), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every block holding articles discovered in [from, to), newest first.</summary>
    public async Task<IReadOnlyList<ArchiveBlock>> ListBlocksAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var blocks = new SortedSet<ArchiveBlock>(ArchiveBlock.NewestFirst);
        var first = ArchiveBlock.HourOf(from);
        for (var day = first.Date; day < to.UtcDateTime; day = day.AddDays(1))
        {
            foreach (var prefix in new[] { ArchiveBlock.HoursPrefix, ArchiveBlock.PendingPrefix })
            {
                await foreach (var blob in storage.Archive.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{prefix}{day:yyyy'/'MM'/'dd}/", cancellationToken).ConfigureAwait(false))
                {
                    if (ArchiveBlock.TryParsePath(blob.Name, out var block) && block.Hour >= first && block.Hour < to)
                    {
                        blocks.Add(block);
                    }
                }
            }
        }

        return [.. blocks];
    }

    /// <summary>The block's articles, newest first, each once.</summary>
    /// <exception cref="InvalidDataException">A blob of the block is not an archive blob.</exception>
    public async Task<ArchiveBlockContent> ReadAsync(ArchiveBlock block, CancellationToken cancellationToken = default)
    {
        var byId = new Dictionary<string, ArchivedArticle>(StringComparer.Ordinal);
        long bytes = 0;
        var reads = 0;

        // The small blobs first: one the compactor deleted meanwhile is then in the compacted blob read after them,
        // since the compactor writes that blob before it deletes anything.
        var names = new List<string>();
        await foreach (var item in storage.Archive.GetBlobsAsync(BlobTraits.None, BlobStates.None, block.PendingFolder, cancellationToken).ConfigureAwait(false))
        {
            names.Add(item.Name);
        }

        foreach (var pending in await DownloadAllAsync(names, cancellationToken).ConfigureAwait(false))
        {
            if (pending is { } found)
            {
                bytes += found.Bytes;
                reads++;
                foreach (var article in found.Articles)
                {
                    byId[article.ArticleId] = article;
                }
            }
        }

        if (await DownloadAsync(block.CompactedPath, cancellationToken).ConfigureAwait(false) is { } compacted)
        {
            bytes += compacted.Bytes;
            reads++;
            foreach (var article in compacted.Articles)
            {
                byId.TryAdd(article.ArticleId, article);
            }
        }

        var articles = byId.Values.ToList();
        articles.Sort((a, b) => b.DiscoveredAt != a.DiscoveredAt ? b.DiscoveredAt.CompareTo(a.DiscoveredAt) : string.CompareOrdinal(a.ArticleId, b.ArticleId));
        return new ArchiveBlockContent(block, articles, bytes, reads);
    }

    /// <summary>Small blobs are read (and the compactor deletes them) this many at a time: each is one round trip of a few milliseconds.</summary>
    internal const int ParallelRequests = 16;

    /// <summary>The articles of each blob, in the order of <paramref name="paths"/>; null for one that is gone.</summary>
    internal async Task<(List<ArchivedArticle> Articles, long Bytes)?[]> DownloadAllAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var results = new (List<ArchivedArticle> Articles, long Bytes)?[paths.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, paths.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelRequests, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await DownloadAsync(paths[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }

    /// <summary>The articles of a blob, or null when it is gone.</summary>
    internal async Task<(List<ArchivedArticle> Articles, long Bytes)?> DownloadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var content = await storage.Archive.GetBlobClient(path).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            using var stream = content.Value.Content.ToStream();
            return (ArchiveBlockFormat.Read(stream, path), content.Value.Details.ContentLength);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
