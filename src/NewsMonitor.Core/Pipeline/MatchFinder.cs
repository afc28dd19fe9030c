using NewsMonitor.Configuration;
using NewsMonitor.Storage;

namespace NewsMonitor.Pipeline;

/// <summary>Answers <see cref="MatchQuery"/> from the index (for the HTTP API and <c>monitor matches</c>): one partition range per entity.</summary>
public sealed class MatchFinder(MonitorConfiguration configuration, MatchStore matches)
{
    public async Task<IReadOnlyList<MatchSummary>> FindAsync(MatchQuery query, CancellationToken cancellationToken = default)
    {
        var entityIds = query.Entities.Count > 0
            ? query.Entities
            : (await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false)).Watchlist.EntityIds.ToList();
        var rows = new List<MatchIndexRow>();
        foreach (var entityId in entityIds)
        {
            rows.AddRange(await matches.QueryEntityAsync(entityId, query.From, query.To, query.Limit, cancellationToken).ConfigureAwait(false));
        }

        return rows
            .GroupBy(r => r.ArticleId)
            .Select(article =>
            {
                var ordered = article.OrderByDescending(r => r.Score).ToList();
                var top = ordered[0];
                return new MatchSummary(
                    top.ArticleId,
                    top.Title,
                    top.Url,
                    top.FeedId,
                    top.Published,
                    top.MatchedAt,
                    ordered.Select(r => new MatchedEntity(r.PartitionKey, r.Kind, r.MentionCount, r.Score)).ToList(),
                    top.Snippet);
            })
            .OrderByDescending(m => m.MatchedAt)
            .ThenBy(m => m.ArticleId, StringComparer.Ordinal)
            .Take(query.Limit)
            .ToList();
    }

    public Task<StoredArticle?> GetAsync(string articleId, CancellationToken cancellationToken = default)
        => matches.GetArticleAsync(articleId, cancellationToken);
}
