using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using NewsMonitor.Matching;

namespace NewsMonitor.Storage;

/// <summary>Keeps matched articles: the blob with the full evidence, then one <see cref="MatchIndexRow"/> per matched entity.</summary>
public sealed class MatchStore(MonitorStorage storage, SeenArticleStore seen)
{
    /// <summary>Writes the blob and the index rows; running it twice for the same article leaves the same state.</summary>
    public async Task<string> SaveAsync(StoredArticle article, CancellationToken cancellationToken = default)
    {
        var path = StoredArticle.BlobPathFor(article.ArticleId, article.DiscoveredAt);
        var json = JsonSerializer.SerializeToUtf8Bytes(article, JsonDefaults.Options);
        await storage.Matches.GetBlobClient(path).UploadAsync(
            new BinaryData(json),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } },
            cancellationToken).ConfigureAwait(false);

        var entityIds = string.Join(',', article.Entities.Select(e => e.Id));
        foreach (var entity in article.Entities)
        {
            // The headline is shown anyway: the first sentence of the body that names the entity says more.
            var topMention = article.Mentions.FirstOrDefault(m => m.EntityId == entity.Id && m.Field == TextField.Body)
                ?? article.Mentions.FirstOrDefault(m => m.EntityId == entity.Id);
            var row = new MatchIndexRow
            {
                PartitionKey = entity.Id,
                RowKey = MatchIndexRow.RowKeyFor(article.DiscoveredAt, article.ArticleId),
                ArticleId = article.ArticleId,
                Kind = JsonNamingPolicy.CamelCase.ConvertName(entity.Kind.ToString()),
                Title = article.Title,
                Url = article.Url.AbsoluteUri,
                FeedId = article.FeedId,
                Published = article.Published,
                MatchedAt = article.DiscoveredAt,
                Score = entity.Score,
                MentionCount = entity.Count,
                Snippet = topMention?.Snippet ?? string.Empty,
                SnippetOffset = topMention?.SnippetOffset ?? 0,
                SnippetLength = topMention?.Length ?? 0,
                Entities = entityIds,
                BlobPath = path,
            };
            await storage.MatchIndex.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        return path;
    }

    /// <summary>Index rows of one entity matched in [from, to), newest first.</summary>
    public async Task<List<MatchIndexRow>> QueryEntityAsync(string entityId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {entityId} and RowKey gt {MatchIndexRow.TimeKey(to) + "~"} and RowKey lt {MatchIndexRow.TimeKey(from) + "~"}");
        var rows = new List<MatchIndexRow>();
        await foreach (var row in storage.MatchIndex.QueryAsync<MatchIndexRow>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
            if (rows.Count >= limit)
            {
                break;
            }
        }

        return rows;
    }

    /// <summary>The stored article, or null when the id was never matched.</summary>
    public async Task<StoredArticle?> GetArticleAsync(string articleId, CancellationToken cancellationToken = default)
    {
        var row = await seen.GetAsync(articleId, cancellationToken).ConfigureAwait(false);
        if (row?.BlobPath is not { Length: > 0 } path)
        {
            return null;
        }

        try
        {
            var content = await storage.Matches.GetBlobClient(path).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToObjectFromJson<StoredArticle>(JsonDefaults.Options);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
