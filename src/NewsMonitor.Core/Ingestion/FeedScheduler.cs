using System.Text.Json;
using Microsoft.Extensions.Logging;
using NewsMonitor.Backfill;
using NewsMonitor.Configuration;
using NewsMonitor.Storage;

namespace NewsMonitor.Ingestion;

/// <summary>
/// The <c>ScheduleFeeds</c> stage: enqueues one <see cref="FeedMessage"/> per due feed and marks it scheduled. One
/// process at a time schedules (<see cref="SingletonLock"/>): the feeds it queued are not due again, so an occurrence
/// runs once however many hosts share the storage. Under the same lock it asks the <see cref="BackfillPlanner"/> whether
/// the watchlist changed since the index was last brought up to date: the occurrence that first sees a change plans its
/// backfill, for a cost of one read of the applied fingerprints when nothing changed.
/// </summary>
public sealed partial class FeedScheduler(MonitorConfiguration configuration, MonitorStorage storage, FeedStateStore states, SingletonLock singleton, BackfillPlanner backfills, TimeProvider clock, Microsoft.Extensions.Options.IOptions<MonitorOptions> options, ILogger<FeedScheduler> logger)
{
    private const int SchedulingParallelism = 16;

    /// <param name="all">Poll every feed, due or not (<c>monitor run --once</c>).</param>
    /// <returns>The number of feeds enqueued; 0 when another process is scheduling now.</returns>
    public async Task<int> ScheduleAsync(bool all = false, CancellationToken cancellationToken = default)
    {
        await using var held = await singleton.TryAcquireAsync("ScheduleFeeds", cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            LogSkipped();
            return 0;
        }

        var now = clock.GetUtcNow();
        var feeds = await configuration.GetFeedsAsync(cancellationToken).ConfigureAwait(false);
        var known = await states.GetAllAsync(cancellationToken).ConfigureAwait(false);
        var due = feeds
            .Select(feed => (Feed: feed, State: known.GetValueOrDefault(feed.Id) ?? new FeedState { RowKey = feed.Id, Url = feed.Url.AbsoluteUri }))
            .Where(entry => PollTiming.IsDue(entry.Feed, entry.State, now, all))
            .ToList();

        // Two storage calls per feed: in parallel, so thousands of feeds are queued in seconds, not minutes.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = SchedulingParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(due, parallel, async (entry, ct) =>
        {
            var message = new FeedMessage(entry.Feed.Id, entry.Feed.Url, now) { Language = entry.Feed.Language };
            await storage.FeedsQueue.SendMessageAsync(JsonSerializer.Serialize(message, JsonDefaults.Options), ct).ConfigureAwait(false);

            // Not due again until a poll had time to run, so a slow queue does not collect duplicates.
            entry.State.NextPollAt = now + options.Value.PollInterval;
            entry.State.Url = entry.Feed.Url.AbsoluteUri;
            await states.SaveAsync(entry.State, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
        var scheduled = due.Count;
        try
        {
            await backfills.PlanAutomaticAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConfigurationUnavailableException || (StorageErrors.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested))
        {
            // The feeds are queued; the change is still there at the next occurrence, which plans it then.
            LogBackfillNotPlanned(ex.Message);
        }

        LogScheduled(scheduled, feeds.Count);
        return scheduled;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Another process is scheduling feeds; this occurrence is left to it")]
    private partial void LogSkipped();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watchlist changes not checked for a backfill this time: {Error}")]
    private partial void LogBackfillNotPlanned(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Scheduled} of {Total} feeds")]
    private partial void LogScheduled(int scheduled, int total);
}
