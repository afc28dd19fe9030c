namespace NewsMonitor.Watchlists;

/// <summary>The figures, topics and alert rules a deployment tracks, with a version that changes whenever the file does.</summary>
public sealed class Watchlist
{
    public Watchlist(IReadOnlyList<Figure> figures, IReadOnlyList<QueryEntity> topics, IReadOnlyList<QueryEntity> alerts, string version)
    {
        Figures = figures;
        Topics = topics;
        Alerts = alerts;
        Version = version;
        Names = figures.ToDictionary(f => f.Id, f => f.Name, StringComparer.Ordinal);
        foreach (var entity in topics.Concat(alerts))
        {
            Names[entity.Id] = entity.Name;
        }

        BlockedFeeds = figures.Select(f => (f.Id, f.BlockFeeds)).Concat(topics.Concat(alerts).Select(q => (q.Id, q.BlockFeeds)))
            .Where(entity => entity.BlockFeeds.Count > 0)
            .ToDictionary(entity => entity.Id, entity => (IReadOnlySet<string>)entity.BlockFeeds.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public IReadOnlyList<Figure> Figures { get; }

    public IReadOnlyList<QueryEntity> Topics { get; }

    public IReadOnlyList<QueryEntity> Alerts { get; }

    public string Version { get; }

    /// <summary>Display name of every entity by id.</summary>
    public Dictionary<string, string> Names { get; }

    public IEnumerable<string> EntityIds => Names.Keys;

    /// <summary>The entities with a <c>blockFeeds</c> list, and the feeds in it.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> BlockedFeeds { get; }

    /// <summary>Whether articles of <paramref name="feedId"/> are never matched to <paramref name="entityId"/>.</summary>
    public bool IsBlocked(string entityId, string feedId) => BlockedFeeds.TryGetValue(entityId, out var feeds) && feeds.Contains(feedId);
}
