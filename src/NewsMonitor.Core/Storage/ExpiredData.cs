using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace NewsMonitor.Storage;

/// <summary>What one pass over the matched days deleted (<see cref="ExpiredData.DeleteMatchDaysBeforeAsync"/>).</summary>
/// <param name="Days">UTC days whose matches were deleted.</param>
/// <param name="IndexRows">MatchIndex rows: the entities' rows and the day rows.</param>
/// <param name="VolumeRows">EntityVolume hours of those days.</param>
/// <param name="ReviewRows">Reviews rows (current state and history) of the deleted articles.</param>
public sealed record ExpiredMatches(int Days, int IndexRows, int VolumeRows, int ReviewRows);

/// <summary>
/// Deletes what is past a retention cutoff, by the keys of each table and the names of each container — the one place
/// the data lifecycle knows them. Each method can be stopped and run again: what is left is found again, and what is
/// gone is not looked for.
/// </summary>
public sealed class ExpiredData(MonitorStorage storage)
{
    private static readonly string[] Keys = [nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey)];

    /// <summary>
    /// Deletes the <see cref="SeenArticle"/> rows first seen on the UTC days that ended by <paramref name="cutoff"/>, found
    /// by their <see cref="SeenArticleDays"/> rows, a page of day rows at a time: the articles' rows, then the day rows,
    /// so a pass stopped half-way finds the rest again. The first pass gives day rows to the rows written before they
    /// existed (<see cref="IndexSeenWithoutDaysAsync"/>).
    /// </summary>
    /// <returns>The rows deleted (or found gone).</returns>
    public async Task<int> DeleteSeenBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var firstKept = SeenArticleDays.PartitionFor(cutoff);
        await IndexSeenWithoutDaysAsync(cancellationToken).ConfigureAwait(false);
        var deleted = 0;
        var expiredDays = TableClient.CreateQueryFilter($"PartitionKey lt {firstKept}");
        await foreach (var page in storage.SeenArticleDays.QueryAsync<TableEntity>(expiredDays, maxPerPage: 1000, select: Keys, cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            var days = page.Values.Select(row => (row.PartitionKey, row.RowKey)).ToList();
            deleted += await TableDeletes.DeleteAsync(storage.SeenArticles, days.Select(day => (SeenArticle.PartitionFor(day.RowKey), day.RowKey)), cancellationToken).ConfigureAwait(false);
            await TableDeletes.DeleteAsync(storage.SeenArticleDays, days, cancellationToken).ConfigureAwait(false);
        }

        return deleted;
    }

    /// <summary>
    /// Once per deployment: every <see cref="SeenArticle"/> row gets its day row, in one read of the table, and the
    /// marker row says it is done; the rows past their window are then deleted by their days. A pass stopped before the
    /// marker starts over (a day row written twice is the same row). A row without <c>FirstSeen</c> (none is written so) goes
    /// under the day it was last written, which the service always sends.
    /// </summary>
    private async Task IndexSeenWithoutDaysAsync(CancellationToken cancellationToken)
    {
        var marker = await storage.SeenArticleDays.GetEntityIfExistsAsync<TableEntity>(SeenArticleDays.IndexedPartition, SeenArticleDays.IndexedRow, select: Keys, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (marker.HasValue)
        {
            return;
        }

        string[] columns = [nameof(SeenArticle.PartitionKey), nameof(SeenArticle.RowKey), nameof(SeenArticle.FirstSeen), nameof(SeenArticle.Timestamp)];
        await foreach (var page in storage.SeenArticles.QueryAsync<TableEntity>(maxPerPage: 1000, select: columns, cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            var days = page.Values.Select(row => SeenArticleDays.Row(row.RowKey, row.GetDateTimeOffset(nameof(SeenArticle.FirstSeen)) ?? row.Timestamp.GetValueOrDefault()));
            foreach (var day in days.GroupBy(row => row.PartitionKey, StringComparer.Ordinal))
            {
                foreach (var batch in day.Chunk(TableDeletes.MaxBatch))
                {
                    await storage.SeenArticleDays.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await storage.SeenArticleDays.UpsertEntityAsync(new TableEntity(SeenArticleDays.IndexedPartition, SeenArticleDays.IndexedRow), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes every match of the UTC days that ended by <paramref name="cutoff"/>: the entities' index rows, their
    /// hourly volume rows, the articles' reviews, and last the day rows, which list the entities and articles — so a
    /// pass stopped half-way leaves the day rows to find the rest by.
    /// </summary>
    public async Task<ExpiredMatches> DeleteMatchDaysBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var firstKept = new DateTimeOffset(cutoff.UtcDateTime.Date, TimeSpan.Zero);
        var dayFilter = TableClient.CreateQueryFilter($"PartitionKey ge {MatchIndexRow.DayPartitionPrefix} and PartitionKey lt {MatchIndexRow.DayPartition(firstKept)}");
        var dayRows = new List<(string PartitionKey, string RowKey)>();
        var entities = new SortedSet<string>(StringComparer.Ordinal);
        var articles = new SortedSet<string>(StringComparer.Ordinal);
        string[] columns = [nameof(MatchIndexRow.PartitionKey), nameof(MatchIndexRow.RowKey), nameof(MatchIndexRow.Entities)];
        await foreach (var row in storage.MatchIndex.QueryAsync<TableEntity>(dayFilter, maxPerPage: 1000, select: columns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            dayRows.Add((row.PartitionKey, row.RowKey));
            articles.Add(MatchIndexRow.ArticleIdOf(row.RowKey));
            entities.UnionWith((row.GetString(nameof(MatchIndexRow.Entities)) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries));
        }

        // Row keys start with the inverted time, so "older than the first kept day" is "greater than its key": an index
        // row key goes on with "_{id}" ('_' sorts before '~'), a volume row key ends there, and the marker "~counted" stays.
        var olderKey = MatchIndexRow.TimeKey(firstKept);
        var indexRows = 0;
        var volumeRows = 0;
        foreach (var entity in entities)
        {
            indexRows += await TableDeletes.DeleteWhereAsync(storage.MatchIndex, TableClient.CreateQueryFilter($"PartitionKey eq {entity} and RowKey gt {olderKey + "~"}"), cancellationToken).ConfigureAwait(false);
            volumeRows += await TableDeletes.DeleteWhereAsync(storage.EntityVolume, TableClient.CreateQueryFilter($"PartitionKey eq {entity} and RowKey gt {olderKey} and RowKey lt {"~"}"), cancellationToken).ConfigureAwait(false);
        }

        var reviewRows = 0;
        foreach (var article in articles)
        {
            reviewRows += await TableDeletes.DeleteWhereAsync(storage.Reviews, TableClient.CreateQueryFilter($"PartitionKey eq {article}"), cancellationToken).ConfigureAwait(false);
        }

        indexRows += await TableDeletes.DeleteAsync(storage.MatchIndex, dayRows, cancellationToken).ConfigureAwait(false);
        return new ExpiredMatches(dayRows.Select(row => row.PartitionKey).Distinct(StringComparer.Ordinal).Count(), indexRows, volumeRows, reviewRows);
    }

    /// <summary>Deletes the stored articles (<c>matches</c>) of the UTC days that ended by <paramref name="cutoff"/>.</summary>
    /// <returns>The blobs deleted.</returns>
    public Task<int> DeleteMatchBlobsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var firstKept = new DateTimeOffset(cutoff.UtcDateTime.Date, TimeSpan.Zero);
        return DeleteBlobsAsync(storage.Matches, name => StoredArticle.TryParseDay(name, out var day) && day < firstKept, cancellationToken);
    }

    /// <summary>Deletes the digests (<c>digests</c>, both parts) built before <paramref name="cutoff"/>.</summary>
    /// <returns>The blobs deleted.</returns>
    public Task<int> DeleteDigestsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
        => DeleteBlobsAsync(storage.Digests, name => DigestStore.TryParseBuiltAt(name, out var builtAt) && builtAt < cutoff, cancellationToken);

    private static async Task<int> DeleteBlobsAsync(BlobContainerClient container, Func<string, bool> expired, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: null, cancellationToken).ConfigureAwait(false))
        {
            if (expired(blob.Name) && await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                deleted++;
            }
        }

        return deleted;
    }
}
