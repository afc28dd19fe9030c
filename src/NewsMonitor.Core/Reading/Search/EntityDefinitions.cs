using NewsMonitor.Watchlists;

namespace NewsMonitor.Reading.Search;

/// <summary>Compares one entity's definition in two watchlists: names, aliases, exclusions, query, priority, blocked feeds.</summary>
public static class EntityDefinitions
{
    public static DefinitionChange Compare(Watchlist live, Watchlist proposed, string entityId)
    {
        var before = Find(live, entityId);
        var after = Find(proposed, entityId);
        return (before, after) switch
        {
            (null, null) => throw new ArgumentException($"entity \"{entityId}\" is in neither watchlist", nameof(entityId)),
            (null, _) => DefinitionChange.Added,
            (_, null) => DefinitionChange.Removed,
            _ => Same(before, after) ? DefinitionChange.Unchanged : DefinitionChange.Changed,
        };
    }

    private static object? Find(Watchlist watchlist, string id)
        => (object?)watchlist.Figures.FirstOrDefault(f => f.Id == id) ?? watchlist.Topics.Concat(watchlist.Alerts).FirstOrDefault(q => q.Id == id);

    // The records hold lists, which compare by reference: every list is compared by its items here.
    private static bool Same(object before, object after) => (before, after) switch
    {
        (Figure a, Figure b) => a.Name == b.Name && a.Aliases.SequenceEqual(b.Aliases) && a.CaseSensitive.SequenceEqual(b.CaseSensitive)
            && a.Exclude.SequenceEqual(b.Exclude) && a.BlockFeeds.SequenceEqual(b.BlockFeeds),
        (QueryEntity a, QueryEntity b) => a.Name == b.Name && a.Kind == b.Kind && a.Query.Equals(b.Query) && a.Priority == b.Priority
            && a.BlockFeeds.SequenceEqual(b.BlockFeeds),
        _ => false,
    };
}
