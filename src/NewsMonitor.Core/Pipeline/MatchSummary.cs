namespace NewsMonitor.Pipeline;

/// <summary>One matched article in a listing, with every queried entity it matched.</summary>
public sealed record MatchSummary(
    string ArticleId,
    string Title,
    string Url,
    string FeedId,
    DateTimeOffset? Published,
    DateTimeOffset MatchedAt,
    IReadOnlyList<MatchedEntity> Entities,
    string Snippet);

/// <summary>An entity's count and score in one article.</summary>
public sealed record MatchedEntity(string Id, string Kind, int Count, double Score);
