using NewsMonitor.Matching;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Storage;

/// <summary>
/// The one rule for the index rows of a stored article: one per matched entity, and one in its day's partition. The
/// live pipeline (<see cref="MatchStore.SaveAsync"/>) and a backfill (<see cref="MatchStore.RewriteAsync"/>) both build
/// their rows here, so a backfilled row reads exactly like a live one.
/// </summary>
public static class MatchIndexRows
{
    /// <summary>The row in the partition of entity <paramref name="entityId"/>, which must be one of the article's entities.</summary>
    public static MatchIndexRow ForEntity(StoredArticle article, string entityId, string path)
    {
        var entity = article.Entities.First(e => e.Id == entityId);
        return Row(article, entity.Id, entity.Kind.Name(), entity.Score, entity.Count, path);
    }

    /// <summary>The article's row in its day partition, which serves "everything, newest first" without touching every entity.</summary>
    public static MatchIndexRow ForDay(StoredArticle article, string path)
    {
        var strongest = article.Entities.OrderByDescending(e => e.Score).First();
        var day = Row(article, strongest.Id, strongest.Kind.Name(), strongest.Score, article.Mentions.Count, path);
        day.PartitionKey = MatchIndexRow.DayPartition(article.DiscoveredAt);
        return day;
    }

    /// <summary>Every matched entity, comma-separated (<see cref="MatchIndexRow.Entities"/>).</summary>
    public static string EntityIds(StoredArticle article) => string.Join(',', article.Entities.Select(e => e.Id));

    /// <summary>Every matched entity as <c>id|kind|count|score</c> (<see cref="MatchIndexRow.EntityDetails"/>).</summary>
    public static string EntityDetails(StoredArticle article)
        => EntityDetailsFormat.Write(article.Entities.Select(e => new MatchedEntity(e.Id, e.Kind.Name(), e.Count, e.Score)));

    private static MatchIndexRow Row(StoredArticle article, string entityId, string kind, double score, int count, string path)
    {
        // The headline is shown anyway: the first sentence of the body that names the entity says more.
        var topMention = article.Mentions.FirstOrDefault(m => m.EntityId == entityId && m.Field == TextField.Body)
            ?? article.Mentions.FirstOrDefault(m => m.EntityId == entityId);
        return new MatchIndexRow
        {
            PartitionKey = entityId,
            RowKey = MatchIndexRow.RowKeyFor(article.DiscoveredAt, article.ArticleId),
            ArticleId = article.ArticleId,
            Kind = kind,
            Title = article.Title,
            Url = article.Url.AbsoluteUri,
            FeedId = article.FeedId,
            Published = article.Published,
            MatchedAt = article.DiscoveredAt,
            Score = score,
            MentionCount = count,
            Snippet = topMention?.Snippet ?? string.Empty,
            SnippetOffset = topMention?.SnippetOffset ?? 0,
            SnippetLength = topMention?.Length ?? 0,
            Entities = EntityIds(article),
            EntityDetails = EntityDetails(article),
            BlobPath = path,
        };
    }
}
