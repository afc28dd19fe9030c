using NewsMonitor.Archive;

namespace NewsMonitor.Reading.Search;

/// <summary>An archived article the query matched, with the sentences that made it match.</summary>
/// <param name="Mentions">Every hit of the query in the article; <paramref name="Snippets"/> shows the first few.</param>
public sealed record SearchHit(
    string ArticleId,
    string FeedId,
    Uri Url,
    string Title,
    DateTimeOffset? Published,
    DateTimeOffset DiscoveredAt,
    int Mentions,
    IReadOnlyList<HighlightedSnippet> Snippets)
{
    /// <summary>Sentences shown per result: enough to judge it, few enough to scan a page of results.</summary>
    public const int MaxSnippets = 3;

    internal static SearchHit Of(ArchivedArticle article, IReadOnlyList<Matching.Mention> mentions)
        => new(article.ArticleId, article.FeedId, article.Url, article.Title, article.Published, article.DiscoveredAt, mentions.Count, HighlightedSnippet.From(mentions, MaxSnippets));
}
