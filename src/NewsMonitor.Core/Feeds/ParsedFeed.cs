namespace NewsMonitor.Feeds;

/// <summary>A feed document reduced to what the pipeline uses, whatever its format.</summary>
/// <param name="Format">rss20, rss10, rss090, rss092, rss091, rss (no or another version), atom10, atom03 or json.</param>
/// <param name="UpdateInterval">The publisher's polling hint (RSS ttl, or sy:updatePeriod / sy:updateFrequency), if it gave one.</param>
public sealed record ParsedFeed(string Format, string? Title, IReadOnlyList<FeedEntry> Items, TimeSpan? UpdateInterval = null);

/// <summary>One feed item; <see cref="Link"/> is absolute (resolved against xml:base and the feed URL) or null when the item has none.</summary>
/// <param name="Published">When the item was published (Atom: updated when there is no published), in UTC; null when missing or unreadable.</param>
public sealed record FeedEntry(string Id, string? Title, Uri? Link, DateTimeOffset? Published, string? Summary, string? Content);
