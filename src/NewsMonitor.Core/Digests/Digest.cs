namespace NewsMonitor.Digests;

/// <summary>A digest ready to render: sections per entity, strongest first, each article once.</summary>
public sealed record Digest(string SubscriptionId, string SubscriptionName, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<DigestSection> Sections)
{
    public int ItemCount => Sections.Sum(s => s.Items.Count);
}

/// <summary>The articles whose strongest match is <see cref="EntityName"/>.</summary>
public sealed record DigestSection(string EntityId, string EntityName, IReadOnlyList<DigestItem> Items);

/// <summary>One article in a digest, with its best snippet and the other tracked entities it names.</summary>
public sealed record DigestItem(
    string ArticleId,
    string Title,
    string Url,
    string FeedId,
    DateTimeOffset? Published,
    DateTimeOffset MatchedAt,
    double Score,
    string Snippet,
    int HighlightStart,
    int HighlightLength,
    IReadOnlyList<string> OtherEntities);
