using Azure;
using Azure.Data.Tables;

namespace NewsMonitor.Storage;

/// <summary>Reads and writes <see cref="SeenArticle"/> rows.</summary>
public sealed class SeenArticleStore(MonitorStorage storage)
{
    public async Task<SeenArticle?> GetAsync(string articleId, CancellationToken cancellationToken = default)
    {
        var response = await storage.SeenArticles.GetEntityIfExistsAsync<SeenArticle>(SeenArticle.PartitionFor(articleId), articleId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Records a newly queued article; a row that already exists (a redelivered poll) is left as it is.</summary>
    public async Task MarkQueuedAsync(string articleId, string feedId, Uri url, DateTimeOffset firstSeen, CancellationToken cancellationToken = default)
    {
        var row = new SeenArticle
        {
            PartitionKey = SeenArticle.PartitionFor(articleId),
            RowKey = articleId,
            FeedId = feedId,
            Url = url.AbsoluteUri,
            FirstSeen = firstSeen,
            Status = SeenStatus.Queued,
        };
        try
        {
            await storage.SeenArticles.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already recorded by an earlier delivery of the same poll.
        }
    }

    public Task MarkProcessedAsync(string articleId, string status, string? blobPath, CancellationToken cancellationToken = default)
    {
        var row = new TableEntity(SeenArticle.PartitionFor(articleId), articleId)
        {
            [nameof(SeenArticle.Status)] = status,
            [nameof(SeenArticle.BlobPath)] = blobPath,
        };
        return storage.SeenArticles.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
    }
}
