using Azure.Data.Tables;
using Azure.Storage.Queues.Models;

namespace NewsMonitor.Storage;

/// <summary>
/// Counts, from storage itself, where every feed item the pipeline has seen ended up: the SeenArticles rows by state, the
/// matched blobs and day-index rows, and the messages still waiting in the articles queue or its poison queue.
/// </summary>
/// <remarks>
/// It reads whole tables and is meant for checks after a run or a test, not for a request path. Queue lengths are the
/// service's approximate counts, exact once nothing is being enqueued.
/// </remarks>
public sealed class ArticleAccounting(MonitorStorage storage)
{
    public async Task<ArticleAccount> ReadAsync(CancellationToken cancellationToken = default)
    {
        int matched = 0, unmatched = 0, duplicate = 0, pending = 0;
        await foreach (var row in storage.SeenArticles.QueryAsync<TableEntity>(select: [nameof(SeenArticle.Status)], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            switch (row.GetString(nameof(SeenArticle.Status)))
            {
                case SeenStatus.Matched: matched++; break;
                case SeenStatus.Unmatched: unmatched++; break;
                case SeenStatus.Duplicate: duplicate++; break;
                case SeenStatus.Queued: pending++; break;
            }
        }

        var blobs = 0;
        await foreach (var page in storage.Matches.GetBlobsAsync(cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            blobs += page.Values.Count;
        }

        // Every stored article has exactly one row in its day partition, so these rows count articles, not entities.
        var dayRows = 0;
        var indexed = new HashSet<string>(StringComparer.Ordinal);
        var days = TableClient.CreateQueryFilter($"PartitionKey ge {MatchIndexRow.DayPartitionPrefix} and PartitionKey lt {MatchIndexRow.DayPartitionPrefix + "~"}");
        await foreach (var row in storage.MatchIndex.QueryAsync<TableEntity>(days, select: [nameof(MatchIndexRow.ArticleId)], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            dayRows++;
            indexed.Add(row.GetString(nameof(MatchIndexRow.ArticleId)));
        }

        return new ArticleAccount(
            matched,
            unmatched,
            duplicate,
            pending,
            await CountAsync(storage.ArticlesQueue, cancellationToken).ConfigureAwait(false),
            await CountAsync(storage.PoisonQueue(storage.ArticlesQueue), cancellationToken).ConfigureAwait(false),
            blobs,
            dayRows,
            indexed.Count);
    }

    private static async Task<int> CountAsync(Azure.Storage.Queues.QueueClient queue, CancellationToken cancellationToken)
    {
        QueueProperties properties = await queue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
        return properties.ApproximateMessagesCount;
    }
}
