using NewsMonitor.Delivery.Digests;
using NewsMonitor.Feeds;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Tests.Delivery.Digests;

/// <summary>A subscription naming an entity, feed or category the other files do not hold is a problem naming all three.</summary>
public sealed class SubscriptionReferencesTests
{
    private static readonly Watchlist Watchlist = WatchlistLoader.Parse(
        """{"figures":[{"id":"vladimir-putin","name":"Vladimir Putin"},{"id":"donald-trump","name":"Donald Trump"}],"topics":[{"id":"ceasefire","query":"ceasefire"}]}"""u8.ToArray(),
        "watchlist.json");

    private static readonly IReadOnlyList<FeedSource> Feeds = FeedListLoader.Parse(
        """{"feeds":[{"id":"bbc-world","url":"https://example.com/bbc.xml","category":"News/World"},{"id":"spiegel","url":"https://example.com/spiegel.xml","category":"Europe"}]}""",
        "feeds.json");

    [Fact]
    public void ASubscriptionNamingOnlyWhatIsTrackedHasNoProblem()
    {
        var subscriptions = Parse("""{"id":"desk","entities":["vladimir-putin","ceasefire"],"feeds":["spiegel"],"categories":["news","News/World","EUROPE"]}""");

        Assert.Empty(SubscriptionReferences.Problems(subscriptions, Watchlist, Feeds));
    }

    [Fact]
    public void ATypoInAnEntityIsNamedWithTheSubscriptionAndTheNearestId()
    {
        var subscriptions = Parse("""{"id":"desk","entities":["donald-trump"]},{"id":"briefing","entities":["vladmir-putin"]}""");

        var problem = Assert.Single(SubscriptionReferences.Problems(subscriptions, Watchlist, Feeds));

        Assert.Equal(
            "subscriptions[1] (briefing).entities: \"vladmir-putin\" is not an entity on the watchlist — did you mean \"vladimir-putin\"?; known: ceasefire, donald-trump, vladimir-putin",
            problem);
    }

    [Fact]
    public void AnUnknownFeedAndCategoryAreEachAProblem()
    {
        var subscriptions = Parse("""{"id":"desk","feeds":["spigel","bbc-world"],"categories":["Eruope"]}""");

        var problems = SubscriptionReferences.Problems(subscriptions, Watchlist, Feeds);

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("subscriptions[0] (desk).feeds: \"spigel\" is not a feed in the feed list — did you mean \"spiegel\"?", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("subscriptions[0] (desk).categories: \"Eruope\" is not a feed category in the feed list — did you mean \"Europe\"?", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void OneSubscriptionsProblemsAreLabelledForItsDigest()
    {
        var subscription = Parse("""{"id":"desk","entities":["nobody"]}""").Single();

        var problem = Assert.Single(SubscriptionReferences.Problems(subscription, Watchlist, Feeds));

        Assert.StartsWith("subscription desk.entities: \"nobody\" is not an entity on the watchlist", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ADigestShowsItsSubscriptionsProblemsInBothParts()
    {
        var digest = new Digest("desk", "Desk", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1), [])
        {
            SubscriptionProblems = ["subscription desk.entities: \"<vladmir-putin>\" is not an entity on the watchlist"],
        };

        Assert.Contains("This subscription names what is not tracked:\n  subscription desk.entities: \"<vladmir-putin>\" is not an entity on the watchlist\n", DigestRenderer.Text(digest), StringComparison.Ordinal);
        Assert.Contains("<li>subscription desk.entities: &quot;&lt;vladmir-putin&gt;&quot; is not an entity on the watchlist</li>", DigestRenderer.Html(digest), StringComparison.Ordinal);
        Assert.DoesNotContain("not tracked", DigestRenderer.Text(digest with { SubscriptionProblems = [] }), StringComparison.Ordinal);
    }

    private static IReadOnlyList<Subscription> Parse(string entries)
        => SubscriptionLoader.Parse($$"""{"subscriptions":[{{entries}}]}""", "subscriptions.json");
}
