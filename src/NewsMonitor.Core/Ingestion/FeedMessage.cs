namespace NewsMonitor.Ingestion;

/// <summary>Queue <c>feeds</c>: one feed to poll now.</summary>
public sealed record FeedMessage(string FeedId, Uri Url, DateTimeOffset ScheduledAt);
