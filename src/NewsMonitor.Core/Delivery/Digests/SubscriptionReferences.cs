using NewsMonitor.Feeds;
using NewsMonitor.Reading;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Delivery.Digests;

/// <summary>
/// What a subscription names that the watchlist or the feed list does not hold: an entity id, a feed id, a category.
/// Each file validates on its own, so a typo across them ("vladmir-putin") would make a digest quietly leave out what it
/// was set up to carry; each is a problem naming the subscription, the value and the nearest known name (<see cref="KnownNames"/>).
/// </summary>
public static class SubscriptionReferences
{
    /// <summary>Every subscription's problems, labelled as <see cref="SubscriptionLoader"/> labels an entry (<c>subscriptions[0] (desk)</c>).</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<Subscription> subscriptions, Watchlist watchlist, IReadOnlyList<FeedSource> feeds)
    {
        var known = new Known(watchlist, feeds);
        return [.. subscriptions.SelectMany((subscription, i) => Problems(subscription, $"subscriptions[{i}] ({subscription.Id})", known))];
    }

    /// <summary>One subscription's problems, for its digest.</summary>
    public static IReadOnlyList<string> Problems(Subscription subscription, Watchlist watchlist, IReadOnlyList<FeedSource> feeds)
        => Problems(subscription, $"subscription {subscription.Id}", new Known(watchlist, feeds));

    private static List<string> Problems(Subscription subscription, string label, Known known)
    {
        var problems = new List<string>();
        foreach (var id in subscription.Entities.Where(id => !known.Entities.Contains(id)))
        {
            problems.Add(KnownNames.Unknown($"{label}.entities", id, "an entity on the watchlist", known.SortedEntities, "monitor entities"));
        }

        foreach (var id in subscription.Feeds.Where(id => !known.Feeds.Contains(id)))
        {
            problems.Add(KnownNames.Unknown($"{label}.feeds", id, "a feed in the feed list", known.SortedFeeds, "monitor feeds"));
        }

        foreach (var category in subscription.Categories.Where(c => !known.Categories.IsKnown(c)))
        {
            problems.Add(KnownNames.Unknown($"{label}.categories", category, "a feed category in the feed list", known.Categories.Known, "monitor feeds export"));
        }

        return problems;
    }

    /// <summary>The names a subscription may use; the sorted lists, for messages only, are made when one is needed.</summary>
    private sealed class Known(Watchlist watchlist, IReadOnlyList<FeedSource> feeds)
    {
        private List<string>? sortedEntities;
        private List<string>? sortedFeeds;

        public HashSet<string> Entities { get; } = watchlist.EntityIds.ToHashSet(StringComparer.Ordinal);

        public HashSet<string> Feeds { get; } = feeds.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);

        public FeedCategories Categories { get; } = new(feeds);

        public IReadOnlyList<string> SortedEntities => sortedEntities ??= [.. Entities.Order(StringComparer.Ordinal)];

        public IReadOnlyList<string> SortedFeeds => sortedFeeds ??= [.. Feeds.Order(StringComparer.Ordinal)];
    }
}
