using NewsMonitor.Watchlists.Queries;

namespace NewsMonitor.Watchlists;

/// <summary>A topic or an alert rule: an entity defined by a boolean query rather than by names.</summary>
public sealed record QueryEntity(string Id, string Name, EntityKind Kind, string QueryText, QueryNode Query, AlertPriority Priority)
{
    /// <summary>Feeds whose articles never match this topic or alert rule.</summary>
    public IReadOnlyList<string> BlockFeeds { get; init; } = [];
}

/// <summary>How urgently a matching alert rule should reach its subscribers.</summary>
public enum AlertPriority
{
    Normal,
    High,
}
