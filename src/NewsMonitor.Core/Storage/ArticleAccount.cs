namespace NewsMonitor.Storage;

/// <summary>
/// Where every seen feed item is: matched (stored and indexed), not matched, a duplicate of a kept story, or still held
/// by a queue — waiting in <c>articles</c> or parked in <c>articles-poison</c>.
/// </summary>
/// <param name="Pending">Items queued but not finished: each should be a message in the articles queue or its poison queue.</param>
/// <param name="DayIndexRows">Rows in the day partitions of the index; one per stored article.</param>
/// <param name="IndexedArticles">Distinct article ids among <paramref name="DayIndexRows"/>.</param>
public sealed record ArticleAccount(
    int Matched,
    int NotMatched,
    int Duplicate,
    int Pending,
    int InQueue,
    int Poisoned,
    int StoredBlobs,
    int DayIndexRows,
    int IndexedArticles)
{
    public int Seen => Matched + NotMatched + Duplicate + Pending;

    /// <summary>Items neither finished nor held by a queue: lost, if this is ever above zero once the queues are quiet.</summary>
    public int Unaccounted => Math.Max(0, Pending - InQueue - Poisoned);

    /// <summary>Every matched item has one blob and one day-index row, and no item is indexed twice.</summary>
    public bool StoredOnce => StoredBlobs == Matched && DayIndexRows == Matched && IndexedArticles == Matched;

    public bool AddsUp => Pending == InQueue + Poisoned && StoredOnce;

    public override string ToString()
    {
        var line = $"accounting: {Seen} seen = {Matched} matched + {NotMatched} not matched + {Duplicate} duplicate + {Poisoned} poison + {InQueue} still queued";
        if (!StoredOnce)
        {
            line += $"  (store disagrees: {StoredBlobs} blobs, {DayIndexRows} day-index rows for {IndexedArticles} articles)";
        }
        else if (!AddsUp)
        {
            line += $"  (does not add up: {Pending} items wait for processing, {InQueue + Poisoned} messages hold them)";
        }

        return line;
    }
}
