using NewsMonitor.Delivery.Digests;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Delivery.Spikes;

/// <summary>Which subscriptions get an entity's spikes at a setting: the one rule the check, the delivery and the digest share.</summary>
public static class SpikeSubscribers
{
    /// <summary>The entity's kind, or null when it is not on the watchlist (taken off since: its spikes go nowhere).</summary>
    public static EntityKind? KindOf(Watchlist watchlist, string entityId)
        => watchlist.Figures.Any(f => f.Id == entityId) ? EntityKind.Figure
            : watchlist.Topics.Concat(watchlist.Alerts).FirstOrDefault(q => q.Id == entityId)?.Kind;

    /// <summary>The subscriptions that follow the entity and ask for spikes at <paramref name="setting"/> (a <see cref="SpikeSettings.Key"/>).</summary>
    public static IReadOnlyList<Subscription> Of(IEnumerable<Subscription> subscriptions, Watchlist watchlist, string entityId, string setting)
        => KindOf(watchlist, entityId) is { } kind
            ? subscriptions.Where(s => s.Spikes?.Key == setting && s.Follows(entityId, kind)).ToList()
            : [];

    /// <summary>The note a digest or an alert shows for an episode.</summary>
    public static SpikeNote Note(SpikeEpisode episode, Watchlist watchlist)
        => new(episode.EntityId, watchlist.Names.GetValueOrDefault(episode.EntityId, episode.EntityId), episode.Start, episode.Count, SpikeDetector.WindowHours, episode.Ratio);
}
