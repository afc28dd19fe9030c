using NewsMonitor.Delivery.Syndication;
using NewsMonitor.Reading;
using NewsMonitor.Storage;

namespace NewsMonitor.Tests.Delivery.Syndication;

/// <summary>Feeds to write in tests: two ordinary matches, or one whose text a hostile feed chose.</summary>
internal static class AtomTestFeeds
{
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyDictionary<string, string> EntityNames = new Dictionary<string, string> { ["vladimir-putin"] = "Vladimir Putin", ["donald-trump"] = "Donald Trump" };

    public static readonly IReadOnlyDictionary<string, string> Outlets = new Dictionary<string, string> { ["bbc"] = "BBC News", ["wire"] = "Wire & Co" };

    public static MatchSummary Match(string articleId, string title, string snippet = "Putin met the envoy in Moscow.", string feed = "bbc", int offset = 0, int length = 5)
        => new(articleId, title, $"https://news.example/{articleId}", feed, Now.AddHours(-2), Now.AddHours(-1), [new MatchedEntity("vladimir-putin", "figure", 2, 0.8), new MatchedEntity("donald-trump", "figure", 1, 0.4)], snippet)
        {
            SnippetOffset = offset,
            SnippetLength = length,
        };

    public static AtomFeed Feed(params MatchSummary[] matches) => new(
        AtomIds.ForFeed(FeedAddress.ForSubscription("russia-desk")),
        "Russia desk",
        "Matches for the subscription russia-desk",
        new Uri("https://func.example/api/subscriptions/russia-desk/feed.atom?token=abc"),
        new Uri("https://func.example/"),
        matches.Select(m => AtomEntries.From(m, EntityNames, Outlets)).ToList());

    public static string Xml(params MatchSummary[] matches) => AtomWriter.Write(Feed(matches), Now);
}
