using NewsMonitor.Delivery.Digests;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Delivery.Spikes;

/// <summary>The spikes a digest lists: episodes at the subscription's setting, of entities it follows, that started in the digest's period.</summary>
public sealed class SpikeListing(SpikeStore episodes)
{
    public async Task<IReadOnlyList<SpikeNote>> ForDigestAsync(Subscription subscription, Watchlist watchlist, IEnumerable<string> entityIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        if (subscription.Spikes is not { } settings)
        {
            return [];
        }

        var notes = new List<SpikeNote>();
        foreach (var entityId in entityIds.Where(id => SpikeSubscribers.KindOf(watchlist, id) is { } kind && subscription.Follows(id, kind)))
        {
            foreach (var episode in await episodes.ListAsync(entityId, settings.Key, from, to, cancellationToken).ConfigureAwait(false))
            {
                notes.Add(SpikeSubscribers.Note(episode, watchlist));
            }
        }

        return notes.OrderBy(n => n.Start).ThenBy(n => n.EntityId, StringComparer.Ordinal).ToList();
    }
}
