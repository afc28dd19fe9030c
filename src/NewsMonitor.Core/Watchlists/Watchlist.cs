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
    }

    public IReadOnlyList<Figure> Figures { get; }

    public IReadOnlyList<QueryEntity> Topics { get; }

    public IReadOnlyList<QueryEntity> Alerts { get; }

    public string Version { get; }

    /// <summary>Display name of every entity by id.</summary>
    public Dictionary<string, string> Names { get; }

    public IEnumerable<string> EntityIds => Names.Keys;
}
