using Azure;
using Azure.Data.Tables;

namespace NewsMonitor.Storage;

/// <summary>
/// Deletes rows in entity-group transactions: one partition and at most <see cref="MaxBatch"/> rows each, the limits of
/// a table transaction. A transaction fails whole when one of its rows is already gone (a second instance, a purge), so
/// that batch is deleted row by row instead, each gone row counting as deleted.
/// </summary>
public static class TableDeletes
{
    /// <summary>The most operations one table transaction takes.</summary>
    public const int MaxBatch = 100;

    /// <returns>The rows deleted (or found gone).</returns>
    public static async Task<int> DeleteAsync(TableClient table, IEnumerable<(string PartitionKey, string RowKey)> rows, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        foreach (var partition in rows.GroupBy(row => row.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var batch in partition.DistinctBy(row => row.RowKey, StringComparer.Ordinal).Chunk(MaxBatch))
            {
                try
                {
                    await table.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(row.PartitionKey, row.RowKey), ETag.All)), cancellationToken).ConfigureAwait(false);
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 404)
                {
                    // The SDK's single delete succeeds on a row that is not there.
                    foreach (var row in batch)
                    {
                        await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
                    }
                }

                deleted += batch.Length;
            }
        }

        return deleted;
    }

    /// <summary>Deletes every row <paramref name="filter"/> selects, a page at a time, reading only the keys.</summary>
    /// <returns>The rows deleted.</returns>
    public static async Task<int> DeleteWhereAsync(TableClient table, string filter, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        var keys = new[] { nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey) };
        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: keys, cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            deleted += await DeleteAsync(table, page.Values.Select(row => (row.PartitionKey, row.RowKey)), cancellationToken).ConfigureAwait(false);
        }

        return deleted;
    }
}
