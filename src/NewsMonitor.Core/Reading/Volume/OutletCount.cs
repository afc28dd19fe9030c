namespace NewsMonitor.Reading.Volume;

/// <summary>How many of an entity's matched articles came from one feed.</summary>
public sealed record OutletCount(string FeedId, int Count);
