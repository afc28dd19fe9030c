using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Matching;
using NewsMonitor.Storage;

namespace NewsMonitor.Delivery.Spikes;

/// <summary>
/// Checks for spikes as matches are stored (<see cref="Pipeline.ArticleProcessor"/>, after the hour recount), cheapest
/// test first: only for entities some subscription wants spike alerts for (the first such article of an entity records
/// when its watching began, for the warm-up; kept in memory once read), only while the article's hour is inside the
/// current window (a replayed or late message from days ago is old news, and backfills never come this way), only when
/// the window holds the fewest mentions any of those subscriptions calls a spike; then the 4 weeks of baseline hours,
/// read once per entity per hour and kept; then <see cref="SpikeDetector"/> per setting. A firing window either
/// extends the entity's open episode (within <see cref="SpikeEpisodes.CoolDown"/>) or opens one with a conditional
/// insert, pending, and the one instance that inserted it queues it and marks it queued. A crash between the two
/// leaves it pending: the retried article, or the next firing check of the entity, queues it again after
/// <see cref="StalePending"/> (the delivery ledger makes a second message harmless).
/// </summary>
public sealed partial class SpikeWatcher(
    MonitorConfiguration configuration,
    HourlyVolumeStore volumes,
    SpikeStore episodes,
    MonitorStorage storage,
    TimeProvider clock,
    ILogger<SpikeWatcher> logger)
{
    /// <summary>A pending episode this old was left by an instance that stopped before queuing it.</summary>
    public static readonly TimeSpan StalePending = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(string EntityId, DateTimeOffset Hour), Lazy<Task<IReadOnlyList<HourVolume>>>> baselines = new();

    private readonly ConcurrentDictionary<string, DateTimeOffset> watchedSince = new(StringComparer.Ordinal);

    /// <summary>Checks each entity of an article just stored; returns the episodes this call opened.</summary>
    /// <param name="discoveredAt">The article's discovery time: the hour its match was counted in.</param>
    public async Task<IReadOnlyList<SpikeEpisode>> CheckAsync(IEnumerable<EntityMatch> entities, DateTimeOffset discoveredAt, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var hour = HourlyVolumeStore.HourOf(now);
        if (discoveredAt < hour.AddHours(1 - SpikeDetector.WindowHours))
        {
            return [];
        }

        IReadOnlyList<Subscription> subscriptions;
        try
        {
            subscriptions = await configuration.GetSubscriptionsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ConfigurationUnavailableException ex)
        {
            // The article is not held up for this: the next article of the entity checks again once the file validates.
            LogNoSubscriptions(ex.Message);
            return [];
        }

        var wanting = subscriptions.Where(s => s.Spikes is not null).ToList();
        var opened = new List<SpikeEpisode>();
        foreach (var entity in entities)
        {
            var settings = wanting.Where(s => s.Follows(entity.Id, entity.Kind)).Select(s => s.Spikes!).Distinct().ToList();
            if (settings.Count == 0)
            {
                continue;
            }

            if (!watchedSince.TryGetValue(entity.Id, out var since))
            {
                since = watchedSince[entity.Id] = await episodes.WatchedSinceAsync(entity.Id, now, cancellationToken).ConfigureAwait(false);
            }

            var window = await volumes.ReadAsync(entity.Id, hour.AddHours(1 - SpikeDetector.WindowHours), hour.AddHours(1), cancellationToken).ConfigureAwait(false);
            var count = window.Sum(h => h.Count);
            if (count < settings.Min(s => s.MinCount))
            {
                continue;
            }

            var history = await BaselineAsync(entity.Id, hour, now, cancellationToken).ConfigureAwait(false);
            var first = hour.AddHours(1) - SpikeDetector.History;
            var series = HourlySeries.From(history.Concat(window), first, hour.AddHours(1));
            foreach (var setting in settings)
            {
                var score = SpikeDetector.Score(series, hour, setting, since);
                if (score.Fires && await OnFireAsync(entity.Id, setting, score, now, cancellationToken).ConfigureAwait(false) is { } episode)
                {
                    opened.Add(episode);
                }
            }
        }

        return opened;
    }

    /// <summary>Extends the open episode, or opens one; the episode when this call opened it.</summary>
    private async Task<SpikeEpisode?> OnFireAsync(string entityId, SpikeSettings setting, SpikeScore score, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var latest = await episodes.LatestAsync(entityId, setting.Key, cancellationToken).ConfigureAwait(false);
        if (latest is not null && SpikeEpisodes.Continues(latest.LastFired, score.Hour))
        {
            if (latest.State == SpikeEpisode.Pending && now - latest.RecordedAt >= StalePending)
            {
                await QueueAsync(latest, cancellationToken).ConfigureAwait(false);
            }

            await episodes.ExtendAsync(latest, score.Hour, score.Count, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var episode = await episodes.TryOpenAsync(new SpikeEpisode(entityId, setting.Key, score.Hour, score.Hour, score.Count, score.Expected, score.Count, SpikeEpisode.Pending, now), cancellationToken).ConfigureAwait(false);
        if (episode is null)
        {
            return null;
        }

        LogOpened(entityId, setting.Key, score.Count, score.Expected, score.Hour);
        await QueueAsync(episode, cancellationToken).ConfigureAwait(false);
        return episode;
    }

    private async Task QueueAsync(SpikeEpisode episode, CancellationToken cancellationToken)
    {
        var message = new SpikeMessage(episode.EntityId, episode.Setting, episode.Start);
        await storage.SpikesQueue.SendMessageAsync(JsonSerializer.Serialize(message, JsonDefaults.Options), cancellationToken).ConfigureAwait(false);
        await episodes.MarkQueuedAsync(episode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The entity's hours before the window (<see cref="SpikeDetector.History"/>), read once per entity per hour: they
    /// do not change while the hour lasts but for a triage or a backfill, and the next hour reads them afresh. Hours
    /// stored before the hour rows existed are counted from the index the first time.
    /// </summary>
    private async Task<IReadOnlyList<HourVolume>> BaselineAsync(string entityId, DateTimeOffset hour, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var old in baselines.Keys.Where(k => k.Hour < hour))
        {
            baselines.TryRemove(old, out _);
        }

        var key = (entityId, hour);
        var read = baselines.GetOrAdd(key, _ => new Lazy<Task<IReadOnlyList<HourVolume>>>(async () =>
        {
            var first = hour.AddHours(1) - SpikeDetector.History;
            await volumes.EnsureCountedAsync(entityId, first, now, cancellationToken).ConfigureAwait(false);
            return await volumes.ReadAsync(entityId, first, hour.AddHours(1 - SpikeDetector.WindowHours), cancellationToken).ConfigureAwait(false);
        }));
        try
        {
            return await read.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failed read is not kept: the next check reads again.
            baselines.TryRemove(KeyValuePair.Create(key, read));
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spike check skipped: the subscriptions have never validated ({Error})")]
    private partial void LogNoSubscriptions(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Spike episode opened for {EntityId} ({Setting}): {Count} mentions in the window ending {Hour}, {Expected} usual")]
    private partial void LogOpened(string entityId, string setting, int count, double expected, DateTimeOffset hour);
}
