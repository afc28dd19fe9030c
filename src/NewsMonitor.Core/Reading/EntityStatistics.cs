using Azure.Data.Tables;
using NewsMonitor.Configuration;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Reading;

/// <summary>A tracked entity with how many articles matched it in the last day and the last week.</summary>
public sealed record EntityActivity(string Id, EntityKind Kind, string Name, int Last24Hours, int Last7Days);

/// <summary>Counts each watchlist entity's matches from its own index partition, reading row keys and review states only; dismissed matches do not count.</summary>
public sealed class EntityStatistics(MonitorConfiguration configuration, MonitorStorage storage, TimeProvider clock)
{
    public async Task<IReadOnlyList<EntityActivity>> ListAsync(CancellationToken cancellationToken = default)
    {
        var watchlist = (await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false)).Watchlist;
        var now = clock.GetUtcNow();
        var dayKey = MatchIndexRow.TimeKey(now - TimeSpan.FromDays(1)) + "~";
        var entities = watchlist.Figures.Select(f => (f.Id, Kind: EntityKind.Figure, f.Name))
            .Concat(watchlist.Topics.Concat(watchlist.Alerts).Select(q => (q.Id, q.Kind, q.Name)));
        var result = new List<EntityActivity>();
        foreach (var (id, kind, name) in entities)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id} and RowKey gt {MatchIndexRow.TimeKey(now) + "~"} and RowKey lt {MatchIndexRow.TimeKey(now - TimeSpan.FromDays(7)) + "~"}");
            int day = 0, week = 0;
            await foreach (var row in storage.MatchIndex.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey", .. MatchIndexRow.DismissedColumns], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (MatchIndexRow.IsDismissed(row))
                {
                    continue;
                }

                week++;
                if (string.CompareOrdinal(row.RowKey, dayKey) < 0)
                {
                    day++;
                }
            }

            result.Add(new EntityActivity(id, kind, name, day, week));
        }

        return result;
    }
}
