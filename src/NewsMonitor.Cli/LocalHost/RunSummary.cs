using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Channels;
using NewsMonitor.Escaping;
using NewsMonitor.Ingestion;
using NewsMonitor.Storage;

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
    private int articlesDuplicate;
    private int articlesRedelivered;
    private int articlesDeferred;
    private int backfillBlocks;
    private int backfillAdded;
    private int backfillRemoved;

    public int FeedsPolled => feedsPolled;

    public int FeedsFailed => feedsFailed;

    public int FeedsNotModified => feedsNotModified;

    public int ItemsNew => itemsNew;

    public int ArticlesProcessed => articlesProcessed;

    public int ArticlesMatched => articlesMatched;

    /// <summary>Every channel outcome of the immediate alerts this run delivered.</summary>
    public DeliveryTally Alerts { get; } = new();

    /// <summary>Every channel outcome of the spike alerts this run delivered.</summary>
    public DeliveryTally Spikes { get; } = new();

    /// <summary>Every channel outcome of the digests this run delivered.</summary>
    public DeliveryTally Digests { get; } = new();

    public int Poisoned { get; set; }

    public int PoisonTotal { get; set; }

    /// <summary>Handler attempts that threw; each was retried or, at the last attempt, poisoned.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>Messages held at a stop and made visible again for the next run.</summary>
    public int Released { get; set; }

    /// <summary>Messages whose acknowledgement failed (storage unreachable): they come back after their lease.</summary>
    public int Unacknowledged { get; set; }

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

    public int ArticlesRedelivered => articlesRedelivered;

    /// <summary>Configuration files changed during the run that were rejected; the run went on with their last good version.</summary>
    public IReadOnlyList<ConfigurationProblem> ConfigurationProblems { get; set; } = [];

    /// <summary>Where every item ever seen ended up, counted from storage after the run.</summary>
    public ArticleAccount? Account { get; set; }

    /// <summary>Messages put back to wait for a fault not their own (configuration, storage, another worker's claim).</summary>
    public int ArticlesDeferred => articlesDeferred;

    public void Processed(ArticleOutcome outcome)
    {
        if (outcome.DeferredFor is not null)
        {
            Interlocked.Increment(ref articlesDeferred);
            return;
        }

        if (outcome.AlreadyProcessed)
        {
            Interlocked.Increment(ref articlesRedelivered);
            return;
        }

        if (outcome.DuplicateOf is not null)
        {
            Interlocked.Increment(ref articlesDuplicate);
        }

        Interlocked.Increment(ref articlesProcessed);
        if (outcome.Matched)
        {
            Interlocked.Increment(ref articlesMatched);
        }
    }

    public int BackfillBlocks => backfillBlocks;

    public int BackfillAdded => backfillAdded;

    public int BackfillRemoved => backfillRemoved;

    /// <summary>Counts a backfill block this run applied; null: an earlier delivery had applied it.</summary>
    public void Backfilled(BlockProgress? block)
    {
        if (block is null)
        {
            return;
        }

        Interlocked.Increment(ref backfillBlocks);
        Interlocked.Add(ref backfillAdded, block.PerEntity.Values.Sum(t => t.Added));
        Interlocked.Add(ref backfillRemoved, block.PerEntity.Values.Sum(t => t.Removed));
    }

    public void AlertsDelivered(IEnumerable<DeliveryReport> reports) => Alerts.Add(reports.SelectMany(r => r.Channels));

    public void SpikesDelivered(IEnumerable<DeliveryReport> reports) => Spikes.Add(reports.SelectMany(r => r.Channels));

    public override string ToString() =>
        $"feeds polled: {FeedsPolled} ({FeedsNotModified} not modified, {FeedsFailed} failed){Environment.NewLine}"
        + $"items new: {ItemsNew}{Environment.NewLine}"
        + $"articles processed: {ArticlesProcessed}, matched: {ArticlesMatched}, duplicate stories: {ArticlesDuplicate}, repeated deliveries ignored: {ArticlesRedelivered}"
        + (ArticlesDeferred == 0 ? string.Empty : $", deferred: {ArticlesDeferred}") + Environment.NewLine
        + $"immediate alerts: {Alerts}{Environment.NewLine}"
        + $"spike alerts: {Spikes}{Environment.NewLine}"
        + (BackfillBlocks == 0 ? string.Empty : $"backfill: {BackfillBlocks} archive blocks applied, {BackfillAdded} matches added, {BackfillRemoved} removed{Environment.NewLine}")
        + $"poison: {Poisoned} this run, {PoisonTotal} waiting in poison queues; failed attempts: {FailedAttempts}{Environment.NewLine}"
        + (Unacknowledged + Released == 0 ? string.Empty
            : $"storage faults ridden out: {Unacknowledged} acknowledgements failed; released at stop: {Released}{Environment.NewLine}")
        + $"digests: {Digests}"
        + string.Concat(ConfigurationProblems.Select(problem => Environment.NewLine + "configuration rejected: " + ControlCharacters.Reveal(UrlCredentials.MaskedIn(problem.ToString()), keepLineBreaks: true)))
        + (Account is null ? string.Empty : Environment.NewLine + Account);
}
