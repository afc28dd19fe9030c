using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Feeds;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Tests.Configuration;

/// <summary>A misspelt key in any configuration file is an error that names where it is and what was meant, never ignored.</summary>
[Trait("Category", "Reliability")]
public sealed class UnknownKeysTests
{
    public static TheoryData<string, string, string> MisspeltKeys => new()
    {
        { "watchlist", """{ "figure": [] }""", "figure: unknown key — did you mean \"figures\"?" },
        { "watchlist", """{ "topic": [], "alerts": [] }""", "topic: unknown key — did you mean \"topics\"?" },
        { "watchlist", """{ "figures": [{ "id": "acme", "name": "Acme", "alias": ["Acme Corp"] }] }""", "figures[0] (acme).alias: unknown key — did you mean \"aliases\"?" },
        { "watchlist", """{ "figures": [{ "id": "acme", "name": "Acme", "Aliases": ["Acme Corp"] }] }""", "figures[0] (acme).Aliases: unknown key — did you mean \"aliases\"?" },
        { "watchlist", """{ "figures": [{ "id": "acme", "name": "Acme", "casesensitive": ["ACME"] }] }""", "figures[0] (acme).casesensitive: unknown key — did you mean \"caseSensitive\"?" },
        { "watchlist", """{ "figures": [{ "id": "acme", "name": "Acme", "exlcude": ["Acme Road"] }] }""", "figures[0] (acme).exlcude: unknown key — did you mean \"exclude\"?" },
        { "watchlist", """{ "figures": [{ "id": "acme", "name": "Acme", "colour": "red" }] }""", "figures[0] (acme).colour: unknown key; the keys here are \"id\", \"name\", \"aliases\", \"caseSensitive\", \"exclude\"" },
        { "watchlist", """{ "figures": [{ "nmae": "Acme" }] }""", "figures[0].nmae: unknown key — did you mean \"name\"?" },
        { "watchlist", """{ "topics": [{ "id": "t", "querry": "NATO" }] }""", "topics[0] (t).querry: unknown key — did you mean \"query\"?" },
        { "watchlist", """{ "alerts": [{ "id": "a", "query": "NATO", "priorty": "high" }] }""", "alerts[0] (a).priorty: unknown key — did you mean \"priority\"?" },
        { "feeds", """{ "feed": [{ "id": "a", "url": "https://a.example/feed" }] }""", "feed: unknown key — did you mean \"feeds\"?" },
        { "feeds", """{ "feeds": [{ "id": "a", "nmae": "A", "url": "https://a.example/feed" }] }""", "feeds[0] (a).nmae: unknown key — did you mean \"name\"?" },
        { "feeds", """{ "feeds": [{ "id": "a", "link": "https://a.example/feed" }] }""", "feeds[0] (a).link: unknown key; the keys here are \"id\", \"name\", \"url\", \"htmlUrl\", \"category\", \"tags\", \"language\", \"pollInterval\", \"enabled\"" },
        { "feeds", """{ "feeds": [{ "id": "Bad Id", "urls": "https://a.example/feed" }] }""", "feeds[0].urls: unknown key — did you mean \"url\"?" },
        { "subscriptions", """{ "subscription": [{ "id": "desk" }] }""", "subscription: unknown key — did you mean \"subscriptions\"?" },
        { "subscriptions", """{ "subscriptions": [{ "id": "desk", "min_score": 0.5 }] }""", "subscriptions[0] (desk).min_score: unknown key — did you mean \"minScore\"?" },
        { "subscriptions", """{ "subscriptions": [{ "id": "desk", "emails": ["a@example.org"] }] }""", "subscriptions[0] (desk).emails: unknown key — did you mean \"email\"?" },
        { "subscriptions", """{ "subscriptions": [{ "id": "desk", "webhooks": [{ "url": "https://hooks.example/x", "fromat": "slack" }] }] }""", "subscriptions[0] (desk).webhooks[0].fromat: unknown key — did you mean \"format\"?" },
        { "subscriptions", """{ "subscriptions": [{ "id": "desk", "webhooks": [{ "url": "https://hooks.example/x" }, { "href": "https://hooks.example/y" }] }] }""", "subscriptions[0] (desk).webhooks[1].href: unknown key; the keys here are \"url\", \"format\"" },
    };

    public static TheoryData<string, string> KeysInAnyCaseTheSerializerBinds => new()
    {
        { "feeds", """{ "Feeds": [{ "ID": "a", "Url": "https://a.example/feed" }] }""" },
        { "subscriptions", """{ "subscriptions": [{ "id": "desk", "minscore": 0.5, "timezone": "Europe/London", "Webhooks": [{ "URL": "https://hooks.example/x" }] }] }""" },
    };

    [Theory]
    [MemberData(nameof(MisspeltKeys))]
    public void AnUnknownKeyIsAnErrorWithItsPathAndTheLikelyKey(string file, string json, string problem)
    {
        var message = Load(file, json);

        Assert.Contains(problem, message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KeysInAnyCaseTheSerializerBinds))]
    public void KeysTheSerializerBindsInAnyCaseAreNotUnknown(string file, string json)
    {
        var message = Load(file, json);

        Assert.Null(message);
    }

    [Fact]
    public void UnknownKeysAreReportedWithEveryOtherProblemAtOnce()
    {
        var message = Load("feeds", """{ "feeds": [{ "id": "a", "url": "ftp://a.example/feed", "titel": "A" }, { "id": "b", "url": "https://b.example/feed", "nmae": "B" }] }""");

        Assert.Equal(
            "feeds.json: 3 problem(s) in the feed list:"
            + "\n  feeds[0] (a).titel: unknown key; the keys here are \"id\", \"name\", \"url\", \"htmlUrl\", \"category\", \"tags\", \"language\", \"pollInterval\", \"enabled\""
            + "\n  feeds[1] (b).nmae: unknown key — did you mean \"name\"?"
            + "\n  feeds[0] (a).url: \"ftp://a.example/feed\" is not an absolute http(s) URL",
            message);
    }

    [Theory]
    [InlineData("watchlist", TestFiles.SeedWatchlist)]
    [InlineData("feeds", TestFiles.SeedFeeds)]
    [InlineData("subscriptions", TestFiles.SeedSubscriptions)]
    public void TheSeedFilesHaveNoUnknownKeys(string file, string seed)
    {
        var message = Load(file, TestFiles.ReadText(seed));

        Assert.Null(message);
    }

    /// <summary>The error message of loading <paramref name="json"/> as <paramref name="file"/>, or null when it loads.</summary>
    private static string? Load(string file, string json)
    {
        var error = Record.Exception(() =>
        {
            _ = file switch
            {
                "watchlist" => (object)TestWatchlists.Parse(json),
                "feeds" => FeedListLoader.Parse(json, "feeds.json"),
                "subscriptions" => SubscriptionLoader.Parse(json, "subscriptions.json"),
                _ => throw new ArgumentOutOfRangeException(nameof(file), file, "no such configuration file"),
            };
        });
        return error switch
        {
            null => null,
            WatchlistException or ConfigFileException or InvalidDataException => error.Message,
            _ => throw error,
        };
    }
}
