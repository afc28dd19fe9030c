namespace NewsMonitor.Feeds;

/// <summary>
/// Which category each feed is filed under in feeds.json as it is now. Index rows carry only the feed id, so a
/// category filter is resolved at query time: moving a feed to another folder moves its past matches with it, as in
/// a feed reader, and nothing stored changes shape.
/// </summary>
public sealed class FeedCategories
{
    public static readonly FeedCategories Empty = new([]);

    private readonly Dictionary<string, string> byFeed;

    public FeedCategories(IEnumerable<FeedSource> feeds)
    {
        byFeed = feeds.Where(f => f.Category is not null).ToDictionary(f => f.Id, f => f.Category!, StringComparer.Ordinal);

        // A parent folder is a category too: "News" takes the feeds of "News/World".
        Known = byFeed.Values
            .SelectMany(c => c.Split('/').Select((_, i) => string.Join('/', c.Split('/').Take(i + 1))))
            .Distinct(FeedCategory.Comparer)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Every category and parent folder in use, sorted, for messages that refuse an unknown one.</summary>
    public IReadOnlyList<string> Known { get; }

    public bool IsKnown(string category) => Known.Contains(category, FeedCategory.Comparer);

    /// <summary>Whether the feed is filed under one of <paramref name="asked"/> (or a folder nested in one).</summary>
    public bool Holds(string feedId, IReadOnlyList<string> asked)
        => byFeed.TryGetValue(feedId, out var category) && asked.Any(a => FeedCategory.IsIn(category, a));
}
