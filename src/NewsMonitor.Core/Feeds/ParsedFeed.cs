namespace NewsMonitor.Feeds;

/// <summary>A feed document reduced to what the pipeline uses, whatever its format.</summary>
/// <param name="Format">rss20, rss10, rss092, rss091, atom10, json or unknown.</param>
public sealed record ParsedFeed(string Format, string? Title, IReadOnlyList<FeedEntry> Items);

/// <summary>One feed item; <see cref="Link"/> is absolute (resolved against the feed URL) or null when the item has none.</summary>
public sealed record FeedEntry(string Id, string? Title, Uri? Link, DateTimeOffset? Published, string? Summary, string? Content);
