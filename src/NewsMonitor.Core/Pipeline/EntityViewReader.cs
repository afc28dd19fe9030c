using NewsMonitor.Configuration;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Pipeline;

/// <summary>
/// Builds <see cref="EntityView"/> for <c>GET /api/entities/{id}</c>: the entity from the watchlist, its volume from
/// the times and feeds of its index rows over 30 days (<see cref="EntityTimeline"/>), and its newest matches through
/// <see cref="MatchFinder"/>, the two reads at once. Counts are matched articles; to leave out dismissed matches, the
/// moments are filtered before <see cref="EntityVolume.Count"/> — the one place review state has to reach.
/// </summary>
public sealed class EntityViewReader(MonitorConfiguration configuration, EntityTimeline timeline, MatchFinder finder, TimeProvider clock)
{
    public const int LatestCount = 10;

    /// <summary>
    /// Four row-key ranges read at once: a month of a busy entity (tens of thousands of rows, 1,000 a page) then costs a
    /// quarter of the sequential round trips; on a quiet entity each range is one request.
    /// </summary>
    private const int Slices = 4;

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
        var moments = timeline.ReadAsync(entityId, EntityVolume.Start(now), now, Slices, cancellationToken);
        var latest = finder.FindAsync(new MatchQuery([entityId], DateTimeOffset.UnixEpoch, now, LatestCount), cancellationToken);
        var volume = EntityVolume.Count(await moments.ConfigureAwait(false), now);
        return entity with
        {
            Daily = volume.Daily,
            Hourly = volume.Hourly,
            TopOutlets = volume.TopOutlets,
            Latest = (await latest.ConfigureAwait(false)).Items,
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
