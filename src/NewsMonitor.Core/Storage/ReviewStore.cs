using Azure;
using Azure.Data.Tables;
using NewsMonitor.Reviews;

namespace NewsMonitor.Storage;

/// <summary>A review as stored: the state in force (with the ETag a save must match) and the history, newest first.</summary>
public sealed record StoredReview(ReviewEntry? Current, ETag? ETag, IReadOnlyList<ReviewEntry> History);

/// <summary>Reads and writes <see cref="ReviewRow"/>s: the review state of matched articles and how it came about.</summary>
public sealed class ReviewStore(MonitorStorage storage)
{
    /// <summary>History entries returned with a review; older ones stay stored.</summary>
    public const int MaxHistory = 200;

    /// <summary>The article's review in one partition query: history rows come first, then the current row.</summary>
    public async Task<StoredReview> GetAsync(string articleId, CancellationToken cancellationToken = default)
    {
        ReviewRow? current = null;
        var history = new List<ReviewEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {articleId}");
        await foreach (var row in storage.Reviews.QueryAsync<ReviewRow>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey == ReviewRow.CurrentKey)
            {
                current = row;
            }
            else if (history.Count < MaxHistory)
            {
                history.Add(row.ToEntry());
            }
        }

        return new StoredReview(current?.ToEntry(), current?.ETag, history);
    }

    /// <summary>The state in force only, in one point read; null while unreviewed.</summary>
    public async Task<ReviewEntry?> GetCurrentAsync(string articleId, CancellationToken cancellationToken = default)
    {
        var row = await storage.Reviews.GetEntityIfExistsAsync<ReviewRow>(articleId, ReviewRow.CurrentKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value!.ToEntry() : null;
    }

    /// <summary>
    /// Makes <paramref name="entry"/> the current state and adds it to the history, both or neither; false when the
    /// current row is no longer the one read (its <paramref name="etag"/>, or none), so the caller reads again.
    /// </summary>
    public async Task<bool> TrySaveAsync(string articleId, ReviewEntry entry, ETag? etag, CancellationToken cancellationToken = default)
    {
        var current = ReviewRow.Of(articleId, ReviewRow.CurrentKey, entry);
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, ReviewRow.Of(articleId, ReviewRow.HistoryKey(entry.At), entry)),
            etag is { } match
                ? new(TableTransactionActionType.UpdateReplace, current, match)
                : new(TableTransactionActionType.Add, current),
        ];
        try
        {
            await storage.Reviews.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }
}
