using NewsMonitor.Articles;

namespace NewsMonitor.Tests.Matching;

public sealed class BlockFeedsTests
{
    private const string Watchlist = """
        {
          "figures": [
            { "id": "vladimir-putin", "name": "Vladimir Putin", "aliases": ["Putin"], "blockFeeds": ["street-news"] },
            { "id": "donald-trump", "name": "Donald Trump", "aliases": ["Trump"] }
          ],
          "topics": [ { "id": "summit", "name": "Summit", "query": "summit AND @vladimir-putin", "blockFeeds": ["sports"] } ],
          "alerts": [ { "id": "contact", "query": "Trump NEAR/10 Putin", "blockFeeds": ["street-news", "sports"] } ]
        }
        """;

    private static readonly ArticleText Article = new("Trump and Putin at the summit", "Donald Trump met Vladimir Putin at the summit on Friday.");

    public static TheoryData<string, string[]> Feeds => new()
    {
        { "wire", ["contact", "donald-trump", "summit", "vladimir-putin"] },
        { "street-news", ["donald-trump", "summit"] },
        { "sports", ["donald-trump", "vladimir-putin"] },
    };

    [Theory]
    [MemberData(nameof(Feeds))]
    public void AnEntityIsNotMatchedInArticlesOfAFeedItBlocks(string feedId, string[] matched)
    {
        var result = TestWatchlists.Matcher(Watchlist).Match(Article, feedId);

        Assert.Equal(matched, result.Entities.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal(matched, result.Mentions.Select(m => m.EntityId).Distinct().Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, string> BadLists => new()
    {
        { """{ "figures": [ { "id": "a", "name": "Anna Smith", "blockFeeds": ["Street News"] } ] }""", "figures[0] (a).blockFeeds[0]: \"Street News\" is not a feed id (lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters)" },
        { """{ "topics": [ { "id": "t", "query": "x", "blockFeeds": "wire" } ] }""", "topics[0] (t).blockFeeds: must be an array of strings" },
        { """{ "alerts": [ { "id": "t", "query": "x", "blockFeed": ["wire"] } ] }""", "alerts[0] (t).blockFeed: unknown key — did you mean \"blockFeeds\"?" },
    };

    [Theory]
    [MemberData(nameof(BadLists))]
    public void ABadBlockListIsRefusedWithItsPlace(string json, string problem)
    {
        Assert.Equal([problem], TestWatchlists.Problems(json).Problems);
    }
}
