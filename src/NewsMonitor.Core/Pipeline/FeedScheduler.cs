using System.Text.Json;
using Microsoft.Extensions.Logging;
using NewsMonitor.Configuration;
using NewsMonitor.Storage;

namespace NewsMonitor.Pipeline;

/// <summary>The <c>ScheduleFeeds</c> stage: enqueues one <see cref="FeedMessage"/> per due feed and marks it scheduled.</summary>
public sealed partial class FeedScheduler(MonitorConfiguration configuration, MonitorStorage storage, FeedStateStore states, TimeProvider clock, Microsoft.Extensions.Options.IOptions<MonitorOptions> options, ILogger<FeedScheduler> logger)
{
    /// <param name="all">Poll every feed, due or not (<c>monitor run --once</c>).</param>
    /// <returns>The number of feeds enqueued.</returns>
    public async Task<int> ScheduleAsync(bool all = false, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var feeds = await configuration.GetFeedsAsync(cancellationToken).ConfigureAwait(false);
        var known = await states.GetAllAsync(cancellationToken).ConfigureAwait(false);
        var scheduled = 0;
        foreach (var feed in feeds)
        {
            var state = known.GetValueOrDefault(feed.Id) ?? new FeedState { RowKey = feed.Id, Url = feed.Url.AbsoluteUri };
            if (!all && state.NextPollAt > now)
            {
                continue;
            }

            var message = new FeedMessage(feed.Id, feed.Url, now);
            await storage.FeedsQueue.SendMessageAsync(JsonSerializer.Serialize(message, JsonDefaults.Options), cancellationToken).ConfigureAwait(false);

            // Not due again until a poll had time to run, so a slow queue does not collect duplicates.
            state.NextPollAt = now + options.Value.PollInterval;
            state.Url = feed.Url.AbsoluteUri;
            await states.SaveAsync(state, cancellationToken).ConfigureAwait(false);
            scheduled++;
        }

        LogScheduled(scheduled, feeds.Count);
        return scheduled;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Scheduled} of {Total} feeds")]
    private partial void LogScheduled(int scheduled, int total);
}
