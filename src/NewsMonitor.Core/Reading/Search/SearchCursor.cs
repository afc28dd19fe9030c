using System.Globalization;
using System.Text;
using NewsMonitor.Archive;

namespace NewsMonitor.Reading.Search;

/// <summary>
/// Where a page of search results ended: the last result's discovery time and id. The next page starts right after it
/// and reads only the blocks from that result's hour back, never the newer ones again.
/// </summary>
public readonly record struct SearchCursor(DateTimeOffset DiscoveredAt, string ArticleId)
{
    public static SearchCursor After(ArchivedArticle article) => new(article.DiscoveredAt, article.ArticleId);

    /// <summary>The hour whose blocks the next page starts reading from.</summary>
    public DateTimeOffset Hour => ArchiveBlock.HourOf(DiscoveredAt);

    /// <summary>Whether <paramref name="article"/> comes after this cursor in <see cref="ArchiveOrder"/>: it belongs to a later page.</summary>
    public bool Precedes(ArchivedArticle article) => ArchiveOrder.Compare(DiscoveredAt, ArticleId, article.DiscoveredAt, article.ArticleId) < 0;

    /// <summary>Opaque to callers: URL-safe base64 of <c>ticks.articleId</c>, to be passed back unchanged.</summary>
    public override string ToString()
        => Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{DiscoveredAt.UtcTicks}.{ArticleId}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryParse(string? text, out SearchCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 80 || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }

        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        string plain;
        try
        {
            plain = Encoding.ASCII.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return false;
        }

        var dot = plain.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0
            || !long.TryParse(plain.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Feeds.ArticleId.IsValid(plain[(dot + 1)..]))
        {
            return false;
        }

        cursor = new SearchCursor(new DateTimeOffset(ticks, TimeSpan.Zero), plain[(dot + 1)..]);
        return true;
    }
}
