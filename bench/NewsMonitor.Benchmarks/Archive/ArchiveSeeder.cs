using System.Collections.Concurrent;
using NewsMonitor.Archive;
using NewsMonitor.Storage;

namespace NewsMonitor.Benchmarks.Archive;

/// <summary>
/// Writes articles straight into their compacted blocks, in the format and at the paths <see cref="ArchiveCompactor"/>
/// writes: what a closed hour looks like after compaction, without a hundred thousand small blobs first.
/// </summary>
internal static class ArchiveSeeder
{
    /// <param name="articles">Articles in order of discovery, so each hour's are together.</param>
    public static async Task<ArchiveSeeding> WriteBlocksAsync(MonitorStorage storage, IEnumerable<ArchivedArticle> articles)
    {
        var blocks = new ConcurrentBag<(ArchiveBlock Block, int Articles, long Bytes, long Text, long SmallBlobBytes)>();
        var hours = ChunkByHour(articles);
        await Parallel.ForEachAsync(hours, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 2 }, async (hour, ct) =>
        {
            foreach (var shard in hour.GroupBy(a => ArchiveBlock.For(a.ArticleId, a.DiscoveredAt)))
            {
                var ordered = shard.OrderBy(a => a.DiscoveredAt).ThenBy(a => a.ArticleId, StringComparer.Ordinal).ToList();
                var bytes = ArchiveBlockFormat.Write(ordered);
                await storage.Archive.GetBlobClient(shard.Key.CompactedPath).UploadAsync(new BinaryData(bytes), overwrite: true, ct);

                // The same articles as pending blobs, one each, as ArticleArchive.AddAsync writes them before compaction.
                var small = ordered.Sum(a => (long)ArchiveBlockFormat.Write([a]).Length);
                blocks.Add((shard.Key, ordered.Count, bytes.Length, ordered.Sum(a => (long)a.Title.Length + a.Text.Length), small));
            }
        });

        return new ArchiveSeeding(blocks.Count, blocks.Sum(b => b.Articles), blocks.Sum(b => b.Bytes), blocks.Sum(b => b.SmallBlobBytes), blocks.Sum(b => b.Text));
    }

    private static IEnumerable<List<ArchivedArticle>> ChunkByHour(IEnumerable<ArchivedArticle> articles)
    {
        var hour = new List<ArchivedArticle>();
        foreach (var article in articles)
        {
            if (hour.Count > 0 && ArchiveBlock.HourOf(article.DiscoveredAt) != ArchiveBlock.HourOf(hour[0].DiscoveredAt))
            {
                yield return hour;
                hour = [];
            }

            hour.Add(article);
        }

        if (hour.Count > 0)
        {
            yield return hour;
        }
    }
}

/// <summary>What seeding wrote: compressed bytes as blocks, and as the per-article blobs they would be before compaction.</summary>
/// <param name="TextLength">Characters of headline and body.</param>
internal sealed record ArchiveSeeding(int Blocks, int Articles, long CompressedBytes, long SmallBlobBytes, long TextLength)
{
    public double PerThousand(long total) => total * 1000.0 / Articles;
}
