using NewsMonitor.Configuration;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Reading;

/// <summary>A tracked entity with how many articles matched it in the last day and the last week.</summary>
public sealed record EntityActivity(string Id, EntityKind Kind, string Name, int Last24Hours, int Last7Days);

/// <summary>Counts each watchlist entity's matches from its own index partition, reading row keys and review states only; dismissed matches do not count.</summary>
public sealed class EntityStatistics(MonitorConfiguration configuration, MatchStore matches, TimeProvider clock)
{
    public async Task<IReadOnlyList<EntityActivity>> ListAsync(CancellationToken cancellationToken = default)
    {
        var watchlist = (await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false)).Watchlist;
        var now = clock.GetUtcNow();
        var entities = watchlist.Figures.Select(f => (f.Id, Kind: EntityKind.Figure, f.Name))
            .Concat(watchlist.Topics.Concat(watchlist.Alerts).Select(q => (q.Id, q.Kind, q.Name)));
        var result = new List<EntityActivity>();
        foreach (var (id, kind, name) in entities)
        {
            var (day, week) = await matches.CountAsync(id, now - TimeSpan.FromDays(7), now - TimeSpan.FromDays(1), now, cancellationToken).ConfigureAwait(false);
            result.Add(new EntityActivity(id, kind, name, day, week));
        }

        return result;
    }
}
