using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using NewsMonitor.Configuration;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Storage;

/// <summary>What a purge found (<see cref="EntityPurge.PlanAsync"/>) or changed (<see cref="EntityPurge.PurgeAsync"/>).</summary>
/// <param name="IndexRows">The entity's own index rows (one per matched article).</param>
/// <param name="RowsUpdated">Day rows and other entities' rows that listed the entity and now do not.</param>
/// <param name="DayRowsDeleted">Day rows of articles that matched the entity only.</param>
/// <param name="BlobsUpdated">Stored articles whose entities and mentions lost the entity.</param>
/// <param name="VolumeRows">The entity's hourly volume rows.</param>
public sealed record PurgeOutcome(string EntityId, int IndexRows, int RowsUpdated, int DayRowsDeleted, int BlobsUpdated, int VolumeRows);

/// <summary>
/// Deletes what storage holds of an entity taken off the watchlist (<c>monitor purge</c>): its index partition, its
/// id in the entity lists of its articles' other rows (a day row left with no entity is deleted; review columns and
/// columns this code does not know are kept), its entries and mentions in the stored articles (the blobs stay), and
/// its <c>EntityVolume</c> rows. An entity still on the live watchlist is refused. Each article's entity row is deleted
/// last, after the rows and blob it points to were cleaned, and every step leaves alone what is already clean, so a
/// purge killed at any point and run again ends in the same state as one that ran through.
/// </summary>
public sealed class EntityPurge(MonitorStorage storage, MonitorConfiguration configuration)
{
    private const int MaxAttempts = 5;

    private static readonly string[] RowColumns = [nameof(MatchIndexRow.RowKey), nameof(MatchIndexRow.BlobPath), nameof(MatchIndexRow.Entities)];

    /// <summary>Counts what <see cref="PurgeAsync"/> would delete, changing nothing.</summary>
    /// <exception cref="InvalidOperationException">The entity is still on the watchlist, or the id is not an entity id.</exception>
    public async Task<PurgeOutcome> PlanAsync(string entityId, CancellationToken cancellationToken = default)
    {
        await RefuseLiveAsync(entityId, cancellationToken).ConfigureAwait(false);
        var rows = await ReadRowsAsync(storage.MatchIndex, entityId, RowColumns, cancellationToken).ConfigureAwait(false);
        var volume = await ReadRowsAsync(storage.EntityVolume, entityId, [nameof(ITableEntity.RowKey)], cancellationToken).ConfigureAwait(false);
        return new PurgeOutcome(entityId, rows.Count, 0, 0, 0, volume.Count);
    }

    /// <summary>Deletes the entity's rows and its traces in its articles' rows and blobs.</summary>
    /// <exception cref="InvalidOperationException">The entity is still on the watchlist, or the id is not an entity id.</exception>
    public async Task<PurgeOutcome> PurgeAsync(string entityId, CancellationToken cancellationToken = default)
    {
        await RefuseLiveAsync(entityId, cancellationToken).ConfigureAwait(false);
        int updated = 0, dayDeleted = 0, blobs = 0;
        var rows = await ReadRowsAsync(storage.MatchIndex, entityId, RowColumns, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            if (row.GetString(nameof(MatchIndexRow.BlobPath)) is { Length: > 0 } path && await CleanBlobAsync(path, entityId, cancellationToken).ConfigureAwait(false))
            {
                blobs++;
            }

            var others = MatchEntityList.Parse(row.GetString(nameof(MatchIndexRow.Entities)), null).Ids.Where(id => id != entityId);
            var day = MatchIndexRow.DayPartition(MatchIndexRow.MatchedAtOf(row.RowKey));
            foreach (var partition in others.Append(day).Distinct(StringComparer.Ordinal))
            {
                switch (await CleanRowAsync(partition, row.RowKey, entityId, cancellationToken).ConfigureAwait(false))
                {
                    case RowChange.Updated:
                        updated++;
                        break;
                    case RowChange.Deleted:
                        dayDeleted++;
                        break;
                }
            }

            await DeleteAsync(storage.MatchIndex, entityId, row.RowKey, cancellationToken).ConfigureAwait(false);
        }

        var volume = await ReadRowsAsync(storage.EntityVolume, entityId, [nameof(ITableEntity.RowKey)], cancellationToken).ConfigureAwait(false);
        foreach (var hour in volume)
        {
            await DeleteAsync(storage.EntityVolume, entityId, hour.RowKey, cancellationToken).ConfigureAwait(false);
        }

        return new PurgeOutcome(entityId, rows.Count, updated, dayDeleted, blobs, volume.Count);
    }

    private async Task RefuseLiveAsync(string entityId, CancellationToken cancellationToken)
    {
        if (!IdRule.IsValid(entityId))
        {
            throw new InvalidOperationException($"\"{entityId}\" is not an entity id ({IdRule.Description})");
        }

        var watchlist = (await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false)).Watchlist;
        if (new LiveEntities(watchlist).Contains(entityId))
        {
            throw new InvalidOperationException(
                $"entity \"{entityId}\" is still on the watchlist (version {watchlist.Version}): take it off the watchlist first; purge deletes only what removed entities left behind");
        }
    }

    private static async Task<List<TableEntity>> ReadRowsAsync(TableClient table, string partition, string[] columns, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: columns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }

    private enum RowChange
    {
        None,
        Updated,
        Deleted,
    }

    /// <summary>Takes the entity out of one row's entity lists, rewriting the row whole under its ETag so a concurrent review stamp is read again, not lost.</summary>
    private async Task<RowChange> CleanRowAsync(string partition, string rowKey, string entityId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            // Read as a property bag, so review columns and columns this code does not know survive the rewrite.
            var found = await storage.MatchIndex.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!found.HasValue)
            {
                return RowChange.None;
            }

            var row = found.Value!;
            var listed = MatchEntityList.Parse(row.GetString(nameof(MatchIndexRow.Entities)), row.GetString(nameof(MatchIndexRow.EntityDetails)));
            if (listed.All(id => id != entityId))
            {
                return RowChange.None;
            }

            var kept = listed.Where(id => id != entityId);
            try
            {
                if (MatchIndexRow.IsDayPartition(partition) && kept.Ids.Count == 0)
                {
                    await storage.MatchIndex.DeleteEntityAsync(partition, rowKey, row.ETag, cancellationToken).ConfigureAwait(false);
                    return RowChange.Deleted;
                }

                row[nameof(MatchIndexRow.Entities)] = kept.EntitiesText;
                row[nameof(MatchIndexRow.EntityDetails)] = kept.DetailsText;
                if (MatchIndexRow.IsDayPartition(partition) && kept.Strongest() is { } strongest)
                {
                    row[nameof(MatchIndexRow.Kind)] = strongest.Kind;
                    row[nameof(MatchIndexRow.Score)] = strongest.Score;
                }

                // A rewrite moves Timestamp: keep the first write time, as review stamps do, so no digest sees the row as new.
                if (!row.ContainsKey(nameof(MatchIndexRow.IndexedAt)))
                {
                    row[nameof(MatchIndexRow.IndexedAt)] = row.Timestamp;
                }

                await storage.MatchIndex.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return RowChange.Updated;
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404 && attempt < MaxAttempts)
            {
                // Rewritten or removed since it was read: read it again.
            }
        }
    }

    /// <summary>Takes the entity out of a stored article's <c>entities</c> and <c>mentions</c>; every other field is kept as stored.</summary>
    private async Task<bool> CleanBlobAsync(string path, string entityId, CancellationToken cancellationToken)
    {
        var blob = storage.Matches.GetBlobClient(path);
        for (var attempt = 1; ; attempt++)
        {
            BlobDownloadResult content;
            try
            {
                content = (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return false;
            }

            if (JsonNode.Parse(content.Content.ToString()) is not JsonObject article)
            {
                throw new InvalidDataException($"Purge of {entityId}: stored article {path} is not a JSON object");
            }

            var removed = Remove(article["entities"] as JsonArray, "id", entityId) + Remove(article["mentions"] as JsonArray, "entityId", entityId);
            if (removed == 0)
            {
                return false;
            }

            try
            {
                await blob.UploadAsync(
                    BinaryData.FromString(article.ToJsonString(JsonDefaults.Options)),
                    new BlobUploadOptions
                    {
                        HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                        Conditions = new BlobRequestConditions { IfMatch = content.Details.ETag },
                    },
                    cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxAttempts)
            {
                // Rewritten since it was read (a backfill adding mentions): read it again.
            }
        }
    }

    private static int Remove(JsonArray? items, string key, string entityId)
    {
        if (items is null)
        {
            return 0;
        }

        var doomed = items.Where(item => item is JsonObject entry && entry[key]?.GetValueKind() == System.Text.Json.JsonValueKind.String && entry[key]!.GetValue<string>() == entityId).ToList();
        foreach (var item in doomed)
        {
            items.Remove(item);
        }

        return doomed.Count;
    }

    private static async Task DeleteAsync(TableClient table, string partition, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partition, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Deleted by an earlier run that was stopped before it finished.
        }
    }
}
