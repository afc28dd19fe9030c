using NewsMonitor.Delivery.Digests;
using NewsMonitor.Feeds;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Tests.Delivery.Digests;

/// <summary><see cref="Subscription.Takes"/>: the one rule digests and immediate alerts apply to an index row.</summary>
public sealed class SubscriptionTakesTests
{
    private static readonly Subscription Plain = new("desk", "Desk", [], 0.3);

    private static readonly FeedCategories Filed = new([new FeedSource("bbc", "BBC", new Uri("https://bbc.example/rss")) { Category = "World" }]);

    public static TheoryData<string, Subscription, double, string, string, bool, bool> Rows => new()
    {
        { "a live row strong enough", Plain, 0.5, "figure", "bbc", false, true },
        { "a row below the minimum score", Plain, 0.2, "figure", "bbc", false, false },
        { "a backfilled row", Plain, 0.5, "figure", "bbc", true, false },
        { "a backfilled row for a subscription that includes them", Plain with { IncludeBackfilled = true }, 0.5, "figure", "bbc", true, true },
        { "a live row for a subscription that includes backfilled ones", Plain with { IncludeBackfilled = true }, 0.5, "figure", "bbc", false, true },
        { "a backfilled row below the minimum score, included or not", Plain with { IncludeBackfilled = true }, 0.1, "figure", "bbc", true, false },
        { "a row of a kind not asked for", Plain with { Kinds = [EntityKind.Topic] }, 0.5, "figure", "bbc", false, false },
        { "a row of a kind asked for", Plain with { Kinds = [EntityKind.Topic, EntityKind.Alert] }, 0.5, "alert", "bbc", false, true },
        { "a row of a feed not asked for", Plain with { Feeds = ["ap"] }, 0.5, "figure", "bbc", false, false },
        { "a row of a feed in the category asked for", Plain with { Categories = ["world"] }, 0.5, "figure", "bbc", false, true },
        { "a row of a feed outside the category asked for", Plain with { Categories = ["Business"] }, 0.5, "figure", "bbc", false, false },
        { "a row of a feed without a category, for a subscription asking for one", Plain with { Categories = ["World"] }, 0.5, "figure", "ap", false, false },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void ASubscriptionTakesOnlyTheRowsItAsksFor(string because, Subscription subscription, double score, string kind, string feed, bool backfilled, bool taken)
    {
        var row = new MatchIndexRow { PartitionKey = "nato", Score = score, Kind = kind, FeedId = feed, Backfilled = backfilled };

        Assert.True(subscription.Takes(row, Filed) == taken, because);
    }
}
