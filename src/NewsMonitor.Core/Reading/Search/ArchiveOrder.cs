using NewsMonitor.Archive;

namespace NewsMonitor.Reading.Search;

/// <summary>
/// The order searches list and backtests pick examples in: newest discovery first, then by article id, so two articles
/// discovered in the same tick still have a fixed order across pages.
/// </summary>
public static class ArchiveOrder
{
    public static int Compare(DateTimeOffset discoveredA, string idA, DateTimeOffset discoveredB, string idB)
        => discoveredA != discoveredB ? discoveredB.CompareTo(discoveredA) : string.CompareOrdinal(idA, idB);

    public static int Compare(ArchivedArticle a, ArchivedArticle b) => Compare(a.DiscoveredAt, a.ArticleId, b.DiscoveredAt, b.ArticleId);
}
