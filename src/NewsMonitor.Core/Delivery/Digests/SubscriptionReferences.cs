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
        var categories = new FeedCategories(feeds);
        return [.. subscriptions.SelectMany((subscription, i) => Problems(subscription, $"subscriptions[{i}] ({subscription.Id})", watchlist, feeds, categories))];
    }

    /// <summary>One subscription's problems, for its digest.</summary>
    public static IReadOnlyList<string> Problems(Subscription subscription, Watchlist watchlist, IReadOnlyList<FeedSource> feeds)
        => [.. Problems(subscription, $"subscription {subscription.Id}", watchlist, feeds, new FeedCategories(feeds))];

    private static IEnumerable<string> Problems(Subscription subscription, string label, Watchlist watchlist, IReadOnlyList<FeedSource> feeds, FeedCategories categories)
        => KnownNames.UnknownEntities($"{label}.entities", subscription.Entities, watchlist.Names.Keys)
            .Concat(KnownNames.UnknownFeeds($"{label}.feeds", subscription.Feeds, [.. feeds.Select(f => f.Id)]))
            .Concat(KnownNames.UnknownCategories($"{label}.categories", subscription.Categories, categories));
}
