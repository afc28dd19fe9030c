namespace NewsMonitor.Digests;

/// <summary>Who gets a digest of what: the entities to include (empty = all) and the lowest score worth reporting.</summary>
public sealed record Subscription(string Id, string Name, IReadOnlyList<string> Entities, double MinScore);
