using NewsMonitor.Configuration;
using NewsMonitor.Reading.Volume;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Reading;

/// <summary>
/// Builds <see cref="EntityView"/> for <c>GET /api/entities/{id}</c>: the entity from the watchlist, its volume from
/// its hour rows (<see cref="HourlyVolumeStore"/>: at most 720 for 30 days, however busy the entity; counted from the
/// index on the entity's first view where they predate the hour rows), its spikes from <see cref="SpikeStore"/>, and its
/// newest matches through <see cref="MatchFinder"/>, read meanwhile. Counts are matched articles, as the hour rows hold them.
/// </summary>
public sealed class EntityViewReader(MonitorConfiguration configuration, HourlyVolumeStore volumes, SpikeStore spikes, MatchFinder finder, TimeProvider clock)
{
    public const int LatestCount = 10;

    /// <summary>The view of one entity, or null when the watchlist has no entity with that id.</summary>
    /// <exception cref="ConfigurationUnavailableException">The watchlist has never validated.</exception>
    public async Task<EntityView?> GetAsync(string entityId, CancellationToken cancellationToken = default)
    {
        var watchlist = (await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false)).Watchlist;
        if (Describe(watchlist, entityId) is not { } entity)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var latest = finder.FindAsync(new MatchQuery([entityId], DateTimeOffset.UnixEpoch, now, LatestCount), cancellationToken);
        var episodes = spikes.ListFiringAsync(entityId, EntityVolume.Start(now), now, cancellationToken);
        await volumes.EnsureCountedAsync(entityId, EntityVolume.Start(now), now, cancellationToken).ConfigureAwait(false);
        var hours = await volumes.ReadAsync(entityId, EntityVolume.Start(now), now, cancellationToken).ConfigureAwait(false);
        var volume = EntityVolume.Count(hours, now);
        return entity with
        {
            Daily = volume.Daily,
            Hourly = volume.Hourly,
            TopOutlets = volume.TopOutlets,
            Latest = (await latest.ConfigureAwait(false)).Items,
            Spikes = SpikeMark.Of(await episodes.ConfigureAwait(false)),
        };
    }

    private static EntityView? Describe(Watchlist watchlist, string entityId)
    {
        if (watchlist.Figures.FirstOrDefault(f => f.Id == entityId) is { } figure)
        {
            var names = figure.Aliases.Prepend(figure.Name).Concat(figure.CaseSensitive).Distinct(StringComparer.Ordinal).ToList();
            return new EntityView(figure.Id, EntityKind.Figure, figure.Name, names, null, [], [], [], []);
        }

        return watchlist.Topics.Concat(watchlist.Alerts).FirstOrDefault(q => q.Id == entityId) is { } query
            ? new EntityView(query.Id, query.Kind, query.Name, null, query.QueryText, [], [], [], [])
            : null;
    }
}
