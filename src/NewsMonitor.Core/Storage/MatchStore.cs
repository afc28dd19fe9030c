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

        var rows = article.Entities.Select(entity => MatchIndexRows.ForEntity(article, entity.Id, path)).Append(MatchIndexRows.ForDay(article, path)).ToList();
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

    /// <summary>
    /// The day-partition rows of the articles matched in the UTC hour starting at <paramref name="hour"/>, by article id:
    /// one read that says, for every article of the hour, which entities the index lists and how it was reviewed.
    /// </summary>
    public async Task<Dictionary<string, MatchIndexRow>> ReadHourAsync(DateTimeOffset hour, CancellationToken cancellationToken = default)
    {
        var rows = new Dictionary<string, MatchIndexRow>(StringComparer.Ordinal);
        var filter = MatchIndexRow.RangeFilter(MatchIndexRow.DayPartition(hour), hour, hour.AddHours(1));
        await foreach (var row in storage.MatchIndex.QueryAsync<MatchIndexRow>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows[row.ArticleId] = row;
        }

        return rows;
    }

    /// <summary>
    /// Writes what a backfill changed in one article (<paramref name="article"/> is the stored article after the change),
    /// in an order that a stop at any point and a second run complete rather than repeat: the blob (with its history)
    /// first, then rows for <paramref name="added"/> entities (marked <see cref="MatchIndexRow.Backfilled"/>), rewritten
    /// rows for <paramref name="updated"/> ones, deleted rows for <paramref name="removed"/> ones, the entity lists on the
    /// article's other rows, the <see cref="SeenArticle"/> row, and last the day row, which a second run reads to see what
    /// is left. Review state and first-write time are kept on every row rewritten. The caller recounts the hour's volumes once the block's articles are written.
    /// </summary>
    /// <param name="day">The article's day row as read before the change; null when the index did not list it.</param>
    public async Task RewriteAsync(StoredArticle article, MatchIndexRow? day, IReadOnlyList<string> added, IReadOnlyList<string> removed, IReadOnlyList<string> updated, bool writeBlob, CancellationToken cancellationToken = default)
    {
        var path = StoredArticle.BlobPathFor(article.ArticleId, article.DiscoveredAt);
        if (writeBlob)
        {
            await storage.Matches.GetBlobClient(path).UploadAsync(
                new BinaryData(JsonSerializer.SerializeToUtf8Bytes(article, JsonDefaults.Options)),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } },
                cancellationToken).ConfigureAwait(false);
        }

        var rowKey = MatchIndexRow.RowKeyFor(article.DiscoveredAt, article.ArticleId);
        foreach (var entityId in added)
        {
            var row = KeepReview(MatchIndexRows.ForEntity(article, entityId, path), day);
            row.Backfilled = true;
            await storage.MatchIndex.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        foreach (var entityId in updated)
        {
            var existing = await storage.MatchIndex.GetEntityIfExistsAsync<MatchIndexRow>(entityId, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            var row = KeepReview(MatchIndexRows.ForEntity(article, entityId, path), day);
            row.Backfilled = existing.HasValue ? existing.Value!.Backfilled : true;
            row.IndexedAt = existing.HasValue ? existing.Value!.WrittenAt() : null;
            await storage.MatchIndex.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        foreach (var entityId in removed)
        {
            await storage.MatchIndex.DeleteEntityAsync(entityId, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }

        // The article's other rows list its entities too: only those columns change, so a merge leaves the rest. The
        // merge moves the row's Timestamp, so its first-write time is kept in IndexedAt, or a digest would send it again.
        var entityIds = MatchIndexRows.EntityIds(article);
        var details = MatchIndexRows.EntityDetails(article);
        if (day is not null && (day.Entities != entityIds || day.EntityDetails != details))
        {
            foreach (var entity in article.Entities.Where(e => !added.Contains(e.Id) && !updated.Contains(e.Id)))
            {
                var found = await storage.MatchIndex.GetEntityIfExistsAsync<MatchIndexRow>(entity.Id, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (!found.HasValue)
                {
                    // An entity the live pipeline matched but whose row a purge removed: nothing to list it on.
                    continue;
                }

                var columns = new TableEntity(entity.Id, rowKey)
                {
                    [nameof(MatchIndexRow.Entities)] = entityIds,
                    [nameof(MatchIndexRow.EntityDetails)] = details,
                    [nameof(MatchIndexRow.IndexedAt)] = found.Value!.WrittenAt(),
                };
                try
                {
                    await storage.MatchIndex.UpdateEntityAsync(columns, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    // Purged since it was read.
                }
            }
        }

        // An article no longer matched keeps its blob, for its history, but is counted as unmatched.
        await seen.MarkProcessedAsync(article.ArticleId, article.Entities.Count > 0 ? SeenStatus.Matched : SeenStatus.Unmatched, path, cancellationToken).ConfigureAwait(false);

        // Last: the day row is what the next run reads to decide what is left to do, so everything above is redone
        // until it is written (BackfillTests.ABackfillStoppedAtAnyPointAndRunAgainEndsAsOneThatWasNeverStopped).
        var dayPartition = MatchIndexRow.DayPartition(article.DiscoveredAt);
        if (article.Entities.Count == 0)
        {
            await storage.MatchIndex.DeleteEntityAsync(dayPartition, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var row = KeepReview(MatchIndexRows.ForDay(article, path), day);
            row.Backfilled = day?.Backfilled ?? true;
            row.IndexedAt = day?.WrittenAt();
            await storage.MatchIndex.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    private static MatchIndexRow KeepReview(MatchIndexRow row, MatchIndexRow? day)
    {
        row.ReviewState = day?.ReviewState;
        row.Starred = day?.Starred ?? false;
        return row;
    }

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

    /// <summary>
    /// How many of an entity's matches in [<paramref name="from"/>, <paramref name="to"/>) are not dismissed, and how many
    /// of those came from <paramref name="recent"/> on; reads row keys and review states only.
    /// </summary>
    public async Task<(int Recent, int All)> CountAsync(string entityId, DateTimeOffset from, DateTimeOffset recent, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var recentKey = MatchIndexRow.TimeKey(recent) + "~";
        int recentCount = 0, all = 0;
        await foreach (var row in storage.MatchIndex.QueryAsync<TableEntity>(MatchIndexRow.RangeFilter(entityId, from, to), maxPerPage: 1000, select: [nameof(ITableEntity.RowKey), .. MatchIndexRow.DismissedColumns], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (MatchIndexRow.IsDismissed(row))
            {
                continue;
            }

            all++;
            if (string.CompareOrdinal(row.RowKey, recentKey) < 0)
            {
                recentCount++;
            }
        }

        return (recentCount, all);
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
        return row?.BlobPath is { Length: > 0 } path ? await ReadArticleAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>The stored article kept at <paramref name="path"/>, or null when there is none.</summary>
    public async Task<StoredArticle?> ReadArticleAsync(string path, CancellationToken cancellationToken = default)
    {
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
