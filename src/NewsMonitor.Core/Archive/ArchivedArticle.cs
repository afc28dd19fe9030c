using NewsMonitor.Articles;

namespace NewsMonitor.Archive;

/// <summary>
/// One processed article as the archive keeps it, matched or not: the text the matcher read and where it came from. A
/// JSON line of an archive block (<see cref="ArchiveBlock"/>).
/// </summary>
/// <param name="WatchlistVersion">The watchlist the live pipeline matched it with.</param>
public sealed record ArchivedArticle(
    string ArticleId,
    string FeedId,
    Uri Url,
    Uri CanonicalUrl,
    string Title,
    DateTimeOffset? Published,
    DateTimeOffset DiscoveredAt,
    DateTimeOffset ProcessedAt,
    TextOrigin TextOrigin,
    string? Byline,
    string? Language,
    string Text,
    string WatchlistVersion)
{
    /// <summary>What the matcher reads, exactly as the live pipeline read it.</summary>
    public ArticleText ToArticleText() => new(Title, Text);
}
