using NewsMonitor.Storage;

namespace NewsMonitor.Digests;

/// <summary>Groups index rows into a digest: an article matching several entities appears once, under its strongest one.</summary>
public static class DigestBuilder
{
    public static Digest Build(Subscription subscription, IReadOnlyDictionary<string, string> entityNames, IEnumerable<MatchIndexRow> rows, DateTimeOffset from, DateTimeOffset to)
    {
        var sections = rows
            .GroupBy(r => r.ArticleId)
            .Select(article =>
            {
                var best = article.OrderByDescending(r => r.Score).ThenBy(r => r.PartitionKey, StringComparer.Ordinal).First();
                var others = best.Entities.Split(',', StringSplitOptions.RemoveEmptyEntries)
                    .Where(id => id != best.PartitionKey)
                    .Select(id => entityNames.GetValueOrDefault(id, id))
                    .ToList();
                return (Entity: best.PartitionKey, Item: new DigestItem(best.ArticleId, best.Title, best.Url, best.FeedId, best.Published, best.MatchedAt, best.Score, best.Snippet, best.SnippetOffset, best.SnippetLength, others));
            })
            .GroupBy(x => x.Entity)
            .Select(group => new DigestSection(
                group.Key,
                entityNames.GetValueOrDefault(group.Key, group.Key),
                group.Select(x => x.Item).OrderByDescending(i => i.Score).ThenByDescending(i => i.MatchedAt).ToList()))
            .OrderByDescending(s => s.Items.Max(i => i.Score))
            .ThenBy(s => s.EntityName, StringComparer.Ordinal)
            .ToList();
        return new Digest(subscription.Id, subscription.Name, from, to, sections);
    }
}
