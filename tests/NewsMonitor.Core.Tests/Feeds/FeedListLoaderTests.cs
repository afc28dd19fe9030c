using NewsMonitor.Configuration;
using NewsMonitor.Feeds;

namespace NewsMonitor.Tests.Feeds;

public sealed class FeedListLoaderTests
{
    public static TheoryData<string, string[]> Problems => new()
    {
        { """{ "feeds": [{ "id": "Bad Id", "url": "https://a.example/feed" }] }""", ["feeds[0].id: \"Bad Id\" must be lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters"] },
        { $$"""{ "feeds": [{ "id": "{{new string('a', 70)}}", "url": "https://a.example/feed" }] }""", [$"feeds[0].id: \"{new string('a', 70)}\" has 70 characters; an id has at most 64"] },
        { """{ "feeds": [{ "id": "-world", "url": "https://a.example/feed" }] }""", ["feeds[0].id: \"-world\" must be lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters"] },
        { """{ "feeds": [{ "url": "https://a.example/feed" }] }""", ["feeds[0].id: is missing; an id is lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters"] },
        { """{ "feeds": [{ "id": "a", "url": "https://a.example/feed" }, { "id": "a", "url": "https://b.example/feed" }] }""", ["feeds[1].id: duplicate id \"a\""] },
        { """{ "feeds": [{ "id": "a", "url": "/feed.xml" }] }""", ["feeds[0] (a).url: \"/feed.xml\" is not an absolute http(s) URL"] },
        { """{ "feeds": [{ "id": "a", "url": "ftp://a.example/feed" }] }""", ["feeds[0] (a).url: \"ftp://a.example/feed\" is not an absolute http(s) URL"] },
        { """{ "feeds": [{ "id": "a" }] }""", ["feeds[0] (a).url: \"\" is not an absolute http(s) URL"] },
        { """{ "feeds": [{ "id": "a", "url": "ftp://reader:s3cret@a.example/feed" }] }""", ["feeds[0] (a).url: \"ftp://reader:***@a.example/feed\" is not an absolute http(s) URL"] },
        { """{ "feeds": [null] }""", ["feeds[0]: must be an object"] },
        { """{ "feeds": [{ "id": "a", "url": "https://a.example/feed", "category": "News//World" }] }""", ["feeds[0] (a).category: \"News//World\" has an empty folder name between '/'"] },
        { """{ "feeds": [{ "id": "a", "url": "https://a.example/feed", "category": " " }] }""", ["feeds[0] (a).category: is empty; leave the key out for no category"] },
        { """{ "feeds": [{ "id": "a", "url": "https://a.example/feed", "tags": ["uk", "UK"] }] }""", ["feeds[0] (a).tags: \"UK\" is listed twice"] },
        { """{ "feeds": [{ "id": "a", "url": "https://a.example/feed", "tags": ["a,b"] }] }""", ["feeds[0] (a).tags: \"a,b\" holds a comma, which separates tags in OPML"] },
        { """{ "feeds": [{ "id": "a", "url": "https://a.example/feed", "language": "English" }] }""", ["feeds[0] (a).language: \"English\" is not a language tag such as en, de or pt-BR"] },
        { """{ "feeds": [{ "id": "a", "url": "https://a.example/feed", "pollInterval": "10s" }] }""", ["feeds[0] (a).pollInterval: \"10s\" is not a poll interval from 1m to 30d (like 30m, 2h, 1d or 00:30:00)"] },
        { """{ "feeds": [{ "id": "a", "url": "https://a.example/feed", "pollInterval": "00:00:30" }] }""", ["feeds[0] (a).pollInterval: \"00:00:30\" is not a poll interval from 1m to 30d (like 30m, 2h, 1d or 00:30:00)"] },
        { """{ "feeds": [{ "id": "a", "url": "https://a.example/feed", "htmlUrl": "javascript:void(0)" }] }""", ["feeds[0] (a).htmlUrl: \"javascript:void(0)\" is not an absolute http(s) URL"] },
        {
            """{ "feeds": [{ "id": "A" , "url": "https://a.example/feed" }, { "id": "b", "url": "file:///etc/passwd" }] }""",
            [
                "feeds[0].id: \"A\" must be lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters",
                "feeds[1] (b).url: \"file:///etc/passwd\" is not an absolute http(s) URL",
            ]
        },
    };

    [Fact]
    public void TheOptionalKeysAreRead()
    {
        const string json = """
            { "feeds": [{ "id": "a", "url": "https://a.example/feed", "htmlUrl": "https://a.example/", "category": " News / World ",
                           "tags": ["uk"], "language": "en-GB", "pollInterval": "2h", "enabled": false }] }
            """;

        var feed = Assert.Single(FeedListLoader.Parse(json, "feeds.json"));

        Assert.Equal(
            ("https://a.example/", "News/World", "uk", "en-GB", TimeSpan.FromHours(2), false),
            (feed.HtmlUrl?.AbsoluteUri, feed.Category, string.Join(',', feed.Tags), feed.Language, feed.PollInterval, feed.Enabled));
    }

    [Fact]
    public void AFileSavedWithAByteOrderMarkLoads()
    {
        var feeds = FeedListLoader.Parse("\uFEFF" + """{ "feeds": [ { "id": "demo", "url": "http://localhost:8080/feed.xml" } ] }""", "feeds.json");

        Assert.Equal("demo", Assert.Single(feeds).Id);
    }

    [Fact]
    public void ValidListYieldsEveryFeed()
    {
        const string json = """
            {
              // Hand-edited: comments and trailing commas are fine.
              "feeds": [
                { "id": "bbc-world", "name": "BBC World", "url": "https://feeds.bbci.co.uk/news/world/rss.xml" },
                { "id": "demo", "url": "http://localhost:8080/feed.xml" },
              ]
            }
            """;

        var feeds = FeedListLoader.Parse(json, "feeds.json");

        Assert.Equal(
            [
                new FeedSource("bbc-world", "BBC World", new Uri("https://feeds.bbci.co.uk/news/world/rss.xml")),
                new FeedSource("demo", "demo", new Uri("http://localhost:8080/feed.xml")),
            ],
            feeds);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "feeds": [] }""")]
    [InlineData("null")]
    public void EmptyListYieldsNoFeeds(string json)
    {
        var feeds = FeedListLoader.Parse(json, "feeds.json");

        Assert.Empty(feeds);
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void BadEntriesAreReportedTogetherWithTheirPath(string json, string[] problems)
    {
        var error = Assert.Throws<ConfigFileException>(() => FeedListLoader.Parse(json, "feeds.json"));

        Assert.Equal(problems, error.Problems);
    }

    [Fact]
    public void EachProblemIsOnALineOfItsOwnAfterTheFileAndTheCount()
    {
        const string json = """{ "feeds": [{ "id": "A", "url": "https://a.example/feed" }, { "id": "b", "url": "/feed.xml" }] }""";

        var error = Assert.Throws<ConfigFileException>(() => FeedListLoader.Parse(json, "feeds.json"));

        Assert.Equal(
            [
                "feeds.json: 2 problem(s) in the feed list:",
                "  feeds[0].id: \"A\" must be lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters",
                "  feeds[1] (b).url: \"/feed.xml\" is not an absolute http(s) URL",
            ],
            error.Message.Split(Environment.NewLine));
    }

    [Fact]
    public void InvalidJsonNamesTheSource()
    {
        var error = Assert.Throws<InvalidDataException>(() => FeedListLoader.Parse("{ \"feeds\": [", "feeds.json"));

        Assert.StartsWith("feeds.json: not a valid feed list (", error.Message, StringComparison.Ordinal);
    }
}
