namespace NewsMonitor.Feeds;

/// <summary>A feed the monitor follows, as listed in <c>feeds.json</c>.</summary>
public sealed record FeedSource(string Id, string Name, Uri Url);
