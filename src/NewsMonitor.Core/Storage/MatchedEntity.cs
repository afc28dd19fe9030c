namespace NewsMonitor.Storage;

/// <summary>An entity's count and score in one article, as an index row lists it (<see cref="EntityDetailsFormat"/>).</summary>
public sealed record MatchedEntity(string Id, string Kind, int Count, double Score);
