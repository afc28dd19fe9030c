namespace NewsMonitor.Ingestion;

/// <summary>What one poll of one feed did.</summary>
/// <param name="Error">Why the poll failed, or null; a failed poll is recorded in FeedState rather than thrown.</param>
public sealed record PollOutcome(string FeedId, bool NotModified, int Items, int NewItems, string? Error);
