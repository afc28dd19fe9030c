namespace NewsMonitor.Cli.LocalHost;

/// <summary>What one local run did, printed by <c>monitor run --once</c> and <c>monitor demo</c>.</summary>
internal sealed class RunSummary
{
    private int feedsPolled;
    private int feedsFailed;
    private int feedsNotModified;
    private int itemsNew;
    private int articlesProcessed;
    private int articlesMatched;
    private int alertsSent;
    private int articlesDuplicate;

    public int FeedsPolled => feedsPolled;

    public int FeedsFailed => feedsFailed;

    public int FeedsNotModified => feedsNotModified;

    public int ItemsNew => itemsNew;

    public int ArticlesProcessed => articlesProcessed;

    public int ArticlesMatched => articlesMatched;

    public int AlertsSentCount => alertsSent;

    public int Poisoned { get; set; }

    public int PoisonTotal { get; set; }

    public int DigestsStored { get; set; }

    public void Polled(bool failed, bool notModified, int newItems)
    {
        Interlocked.Increment(ref feedsPolled);
        if (failed)
        {
            Interlocked.Increment(ref feedsFailed);
        }

        if (notModified)
        {
            Interlocked.Increment(ref feedsNotModified);
        }

        Interlocked.Add(ref itemsNew, newItems);
    }

    public int ArticlesDuplicate => articlesDuplicate;

    /// <summary>Articles that reached articles-poison this run.</summary>
    public int ArticlesPoisoned { get; set; }

    /// <summary>
    /// Every item queued this run ended in exactly one state: matched, not matched, a duplicate of a stored story, or
    /// poison. Holds when the run started with empty queues (a message left over from an earlier run counts as processed).
    /// </summary>
    public bool Balanced => ItemsNew == ArticlesProcessed + ArticlesPoisoned;

    public void Processed(bool matched, bool duplicate)
    {
        if (duplicate)
        {
            Interlocked.Increment(ref articlesDuplicate);
        }

        Interlocked.Increment(ref articlesProcessed);
        if (matched)
        {
            Interlocked.Increment(ref articlesMatched);
        }
    }

    public void AlertsSent(int subscriptions) => Interlocked.Add(ref alertsSent, subscriptions);

    public override string ToString() =>
        $"feeds polled: {FeedsPolled} ({FeedsNotModified} not modified, {FeedsFailed} failed){Environment.NewLine}"
        + $"items new: {ItemsNew}{Environment.NewLine}"
        + $"articles processed: {ArticlesProcessed}, matched: {ArticlesMatched}{Environment.NewLine}"
        + $"accounting: {ItemsNew} new = {ArticlesMatched} matched + {ArticlesProcessed - ArticlesMatched - ArticlesDuplicate} not matched + {ArticlesDuplicate} duplicate + {ArticlesPoisoned} poison{(Balanced ? string.Empty : "  (does not add up: messages from an earlier run were in the queue)")}{Environment.NewLine}"
        + $"immediate alerts sent: {AlertsSentCount}{Environment.NewLine}"
        + $"poison: {Poisoned} this run, {PoisonTotal} waiting in poison queues{Environment.NewLine}"
        + $"digests stored: {DigestsStored}";
}
