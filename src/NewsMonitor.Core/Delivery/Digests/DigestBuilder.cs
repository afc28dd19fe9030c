using NewsMonitor.Matching;
using NewsMonitor.Storage;

namespace NewsMonitor.Delivery.Digests;

/// <summary>
/// Groups index rows into a digest: an article matching several entities appears once, under its strongest one, and
/// the same story from several outlets (headlines that share nearly all their words) is one item with "also in".
/// </summary>
public static class DigestBuilder
{
    public static Digest Build(Subscription subscription, IReadOnlyDictionary<string, string> entityNames, IEnumerable<MatchIndexRow> rows, DateTimeOffset from, DateTimeOffset to)
    {
        var articles = rows
            .GroupBy(r => r.ArticleId)
            .Select(article =>
            {
                var best = article.OrderByDescending(r => r.Score).ThenBy(r => r.PartitionKey, StringComparer.Ordinal).First();
                var others = best.Entities.Split(',', StringSplitOptions.RemoveEmptyEntries)
                    .Where(id => id != best.PartitionKey)
                    .Select(id => entityNames.GetValueOrDefault(id, id))
                    .ToList();
                return (Entity: best.PartitionKey, Item: new DigestItem(best.ArticleId, best.Title, best.Url, best.FeedId, best.Published, best.MatchedAt, best.Score, best.Snippet, best.SnippetOffset, best.SnippetLength, others) { Backfilled = best.Backfilled });
            })
            .OrderByDescending(x => x.Item.Score)
            .ThenByDescending(x => x.Item.MatchedAt)
            .ThenBy(x => x.Item.ArticleId, StringComparer.Ordinal)
            .ToList();

        var stories = new List<(string Entity, DigestItem Item, HashSet<string> Words, List<AlsoIn> AlsoIn)>();
        foreach (var (entity, item) in articles)
        {
            var words = SameStory.Words(item.Title);
            var story = stories.FindIndex(s => SameStory.Alike(s.Words, words));
            if (story >= 0)
            {
                stories[story].AlsoIn.Add(new AlsoIn(item.FeedId, item.Url));
            }
            else
            {
                stories.Add((entity, item, words, []));
            }
        }

        var sections = stories
            .GroupBy(s => s.Entity)
            .Select(group => new DigestSection(
                group.Key,
                entityNames.GetValueOrDefault(group.Key, group.Key),
                group.Select(s => s.Item with { AlsoIn = s.AlsoIn }).ToList()))
            .OrderByDescending(s => s.Items.Max(i => i.Score))
            .ThenBy(s => s.EntityName, StringComparer.Ordinal)
            .ToList();
        return new Digest(subscription.Id, subscription.Name, from, to, sections) { TimeZone = subscription.TimeZone };
    }
}
