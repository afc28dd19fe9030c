using NewsMonitor.Feeds;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Reading;

/// <summary>
/// The one filter on index rows by entity, score, kind, feed and feed category, each empty list meaning "any". Listings
/// (<see cref="MatchFinder"/>), digests and immediate alerts (<see cref="Delivery.Digests.Subscription.Takes"/>) all
/// decide with it. An entity's row is judged by its own entity and kind; a day row, which lists every entity of its
/// article, by any of them, and by the score of its strongest.
/// </summary>
public sealed record MatchFilter(IReadOnlyList<string> Entities, double MinScore, IReadOnlyList<EntityKind> Kinds, IReadOnlyList<string> Feeds)
{
    /// <summary>Feed categories (feeds.json's <c>category</c>; a folder takes its subfolders): the row's feed must be filed under one.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Where <see cref="Categories"/> are looked up: the feed list as it is now.</summary>
    public FeedCategories FeedCategories { get; init; } = FeedCategories.Empty;

    public bool Takes(MatchIndexRow row)
    {
        if (row.Score < MinScore || (Feeds.Count > 0 && !Feeds.Contains(row.FeedId)) || (Categories.Count > 0 && !FeedCategories.Holds(row.FeedId, Categories)))
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
