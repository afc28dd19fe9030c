using System.Globalization;
using NewsMonitor.Archive;
using NewsMonitor.Articles;
using NewsMonitor.Matching;

namespace NewsMonitor.Storage;

/// <summary>
/// The JSON kept in blob <c>matches/yyyy/MM/dd/{articleId}.json</c> for every matched article. A backfill rewrites
/// <see cref="Entities"/> and <see cref="Mentions"/> and appends to <see cref="Changes"/>; an article a changed query no
/// longer matches keeps its blob, with no entities, for that history.
/// </summary>
public sealed record StoredArticle(
    string ArticleId,
    string FeedId,
    Uri Url,
    Uri CanonicalUrl,
    string Title,
    DateTimeOffset? Published,
    DateTimeOffset DiscoveredAt,
    DateTimeOffset MatchedAt,
    TextOrigin TextOrigin,
    string? Byline,
    string? Language,
    string Text,
    string WatchlistVersion,
    IReadOnlyList<EntityMatch> Entities,
    IReadOnlyList<Mention> Mentions)
{
    /// <summary>The stored match of an archived article: its text and metadata, and what the watchlist found in it.</summary>
    public static StoredArticle Of(ArchivedArticle article, DateTimeOffset matchedAt, string watchlistVersion, MatchResult result)
        => new(
            article.ArticleId,
            article.FeedId,
            article.Url,
            article.CanonicalUrl,
            article.Title,
            article.Published,
            article.DiscoveredAt,
            matchedAt,
            article.TextOrigin,
            article.Byline,
            article.Language,
            article.Text,
            watchlistVersion,
            result.Entities,
            result.Mentions);

    /// <summary>What backfills changed, oldest first; empty for an article only the live pipeline wrote.</summary>
    public IReadOnlyList<EntityChange> Changes { get; init; } = [];

    public static string BlobPathFor(string articleId, DateTimeOffset discoveredAt)
        => $"{discoveredAt.UtcDateTime.ToString(DayFolderFormat, CultureInfo.InvariantCulture)}/{articleId}.json";

    /// <summary>The UTC day a blob path of <see cref="BlobPathFor"/> was written under; false for any other name.</summary>
    public static bool TryParseDay(string path, out DateTimeOffset day)
    {
        day = default;
        if (path.Length <= DayFolderLength || path[DayFolderLength] != '/'
            || !DateTime.TryParseExact(path.AsSpan(0, DayFolderLength), DayFolderFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            return false;
        }

        day = new DateTimeOffset(date, TimeSpan.Zero);
        return true;
    }

    private const string DayFolderFormat = "yyyy'/'MM'/'dd";
    private const int DayFolderLength = 10;
}
