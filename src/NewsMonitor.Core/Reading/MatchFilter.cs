using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Reading;

/// <summary>
/// The one filter on index rows by entity, score, kind and feed, each empty list meaning "any". Listings
/// (<see cref="MatchFinder"/>), digests and immediate alerts (<see cref="Delivery.Digests.Subscription.Takes"/>) all
/// decide with it. An entity's row is judged by its own entity and kind; a day row, which lists every entity of its
/// article, by any of them, and by the score of its strongest.
/// </summary>
public sealed record MatchFilter(IReadOnlyList<string> Entities, double MinScore, IReadOnlyList<EntityKind> Kinds, IReadOnlyList<string> Feeds)
{
    public bool Takes(MatchIndexRow row)
    {
        if (row.Score < MinScore || (Feeds.Count > 0 && !Feeds.Contains(row.FeedId)))
        {
            return false;
        }

        if (!row.IsDayRow())
        {
            return (Entities.Count == 0 || Entities.Contains(row.PartitionKey)) && (Kinds.Count == 0 || Kinds.Any(k => k.Name() == row.Kind));
        }

        var listed = Entities.Count == 0 && Kinds.Count == 0 ? [] : EntityDetailsFormat.Read(row.EntityDetails);
        return (Entities.Count == 0 || listed.Any(e => Entities.Contains(e.Id)))
            && (Kinds.Count == 0 || listed.Any(e => Kinds.Any(k => k.Name() == e.Kind)));
    }
}
