using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using NewsMonitor.Matching;
using NewsMonitor.Reviews;

namespace NewsMonitor.Storage;

/// <summary>
/// Keeps matched articles: the blob with the full evidence, then one <see cref="MatchIndexRow"/> per matched entity and
/// one in the day's partition, then each entity's count for the hour (<see cref="HourlyVolumeStore"/>).
/// </summary>
public sealed class MatchStore(MonitorStorage storage, SeenArticleStore seen, HourlyVolumeStore volumes)
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
        var details = string.Join(';', article.Entities.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Id}|{KindName(e.Kind)}|{e.Count}|{e.Score}")));
        var rows = article.Entities.Select(entity => Row(article, entity.Id, KindName(entity.Kind), entity.Score, entity.Count, entityIds, details, path)).ToList();

        // One row per article in its day's partition serves "everything, newest first" without touching every entity.
        var strongest = article.Entities.OrderByDescending(e => e.Score).First();
        var day = Row(article, strongest.Id, KindName(strongest.Kind), strongest.Score, article.Mentions.Count, entityIds, details, path);
        day.PartitionKey = MatchIndexRow.DayPartition(article.DiscoveredAt);
        rows.Add(day);
        foreach (var row in rows)
        {
            await storage.MatchIndex.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        // After the index rows, so each recount sees this article's row; a failure here leaves the message to be redelivered.
        foreach (var entity in article.Entities)
        {
            await volumes.RecountAsync(entity.Id, article.DiscoveredAt, cancellationToken).ConfigureAwait(false);
        }

        return path;
    }

    private static MatchIndexRow Row(StoredArticle article, string entityId, string kind, double score, int count, string entityIds, string details, string path)
    {
        // The headline is shown anyway: the first sentence of the body that names the entity says more.
        var topMention = article.Mentions.FirstOrDefault(m => m.EntityId == entityId && m.Field == TextField.Body)
            ?? article.Mentions.FirstOrDefault(m => m.EntityId == entityId);
        return new MatchIndexRow
        {
            PartitionKey = entityId,
            RowKey = MatchIndexRow.RowKeyFor(article.DiscoveredAt, article.ArticleId),
            ArticleId = article.ArticleId,
            Kind = kind,
            Title = article.Title,
            Url = article.Url.AbsoluteUri,
            FeedId = article.FeedId,
            Published = article.Published,
            MatchedAt = article.DiscoveredAt,
            Score = score,
            MentionCount = count,
            Snippet = topMention?.Snippet ?? string.Empty,
            SnippetOffset = topMention?.SnippetOffset ?? 0,
            SnippetLength = topMention?.Length ?? 0,
            Entities = entityIds,
            EntityDetails = details,
            BlobPath = path,
        };
    }

    private static string KindName(NewsMonitor.Watchlists.EntityKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    /// <summary>
    /// Rows of one partition in [from, to), newest first, starting after the row key <paramref name="after"/> when given,
    /// that pass <paramref name="keep"/>; reads page by page and stops at <paramref name="limit"/>.
    /// </summary>
    /// <param name="selective">The filter keeps few rows: ask for the largest pages, since each round trip costs more than the rows.</param>
    /// <param name="review">
    /// Which review states to keep. Relevant, dismissed and starred rows are selected by the table service itself (few
    /// rows carry them); the others are left out as the rows stream in, since a row never stamped has no state column
    /// for the service to compare.
    /// </param>
    public async Task<List<MatchIndexRow>> ReadPartitionAsync(string partition, DateTimeOffset from, DateTimeOffset to, string? after, Func<MatchIndexRow, bool> keep, int limit, bool selective = false, ReviewFilter review = ReviewFilter.Any, CancellationToken cancellationToken = default)
    {
        var lower = MatchIndexRow.TimeKey(to) + "~";
        if (after is not null && string.CompareOrdinal(after, lower) > 0)
        {
            lower = after;
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {lower} and RowKey lt {MatchIndexRow.TimeKey(from) + "~"}") + review switch
        {
            ReviewFilter.Relevant => TableClient.CreateQueryFilter($" and ReviewState eq {ReviewStates.Relevant}"),
            ReviewFilter.Dismissed => TableClient.CreateQueryFilter($" and ReviewState eq {ReviewStates.Dismissed}"),
            ReviewFilter.Starred => " and Starred eq true",
            _ => string.Empty,
        };
        selective |= review is ReviewFilter.Relevant or ReviewFilter.Dismissed or ReviewFilter.Starred or ReviewFilter.Unreviewed;
        var rows = new List<MatchIndexRow>();
        await foreach (var row in storage.MatchIndex.QueryAsync<MatchIndexRow>(filter, maxPerPage: selective ? 1000 : Math.Clamp(limit * 2, 20, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (review.Keeps(row.ReviewState, row.Starred) && keep(row))
            {
                rows.Add(row);
                if (rows.Count >= limit)
                {
                    break;
                }
            }
        }

        return rows;
    }

    /// <summary>Index rows of one entity matched in [from, to) whose review state passes <paramref name="review"/>, newest first.</summary>
    public Task<List<MatchIndexRow>> QueryEntityAsync(string entityId, DateTimeOffset from, DateTimeOffset to, int limit, ReviewFilter review, CancellationToken cancellationToken = default)
        => ReadPartitionAsync(entityId, from, to, after: null, _ => true, limit, review: review, cancellationToken: cancellationToken);

    /// <summary>
    /// Copies an article's review state onto its index rows (one per matched entity, one in its day partition), each
    /// rewritten whole under its ETag so a concurrent stamp is read again rather than overwritten. The row's first write
    /// time is kept in <see cref="MatchIndexRow.IndexedAt"/>, so a stamp does not make the row look new to a digest.
    /// Stamping the same state again changes nothing.
    /// </summary>
    public async Task StampReviewAsync(StoredArticle article, ReviewMark? mark, CancellationToken cancellationToken = default)
    {
        var rowKey = MatchIndexRow.RowKeyFor(article.DiscoveredAt, article.ArticleId);
        foreach (var partition in article.Entities.Select(e => e.Id).Append(MatchIndexRow.DayPartition(article.DiscoveredAt)))
        {
            for (var attempt = 1; ; attempt++)
            {
                // Read as a property bag, so columns this code does not know survive the rewrite.
                var found = await storage.MatchIndex.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (!found.HasValue)
                {
                    break;
                }

                var row = found.Value!;
                if (row.GetString(nameof(MatchIndexRow.ReviewState)) == mark?.State && (row.GetBoolean(nameof(MatchIndexRow.Starred)) ?? false) == (mark?.Starred ?? false))
                {
                    break;
                }

                if (!row.ContainsKey(nameof(MatchIndexRow.IndexedAt)))
                {
                    row[nameof(MatchIndexRow.IndexedAt)] = row.Timestamp;
                }

                row.Remove(nameof(MatchIndexRow.ReviewState));
                if (mark?.State is { } state)
                {
                    row[nameof(MatchIndexRow.ReviewState)] = state;
                }

                row[nameof(MatchIndexRow.Starred)] = mark?.Starred ?? false;
                try
                {
                    await storage.MatchIndex.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (RequestFailedException ex) when (ex.Status is 412 or 404 && attempt < 5)
                {
                    // Rewritten or removed since it was read: read it again.
                }
            }
        }

        // A dismissed match leaves its entities' volume, and comes back when it is no longer dismissed.
        foreach (var entity in article.Entities)
        {
            await volumes.RecountAsync(entity.Id, article.DiscoveredAt, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>An article's index row in one entity's partition, or null when the entity does not (or no longer) match it.</summary>
    public async Task<MatchIndexRow?> GetRowAsync(string entityId, StoredArticle article, CancellationToken cancellationToken = default)
    {
        var found = await storage.MatchIndex.GetEntityIfExistsAsync<MatchIndexRow>(entityId, MatchIndexRow.RowKeyFor(article.DiscoveredAt, article.ArticleId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? found.Value : null;
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
