using NewsMonitor.Delivery.Digests;
using NewsMonitor.Storage;

namespace NewsMonitor.Tests.Delivery.Digests;

public sealed class DigestBuilderTests
{
    private static readonly DateTimeOffset From = new(2025, 3, 20, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2025, 3, 21, 0, 0, 0, TimeSpan.Zero);
    private static readonly Subscription Everyone = new("daily", "Daily digest", [], 0);

    private static readonly Dictionary<string, string> Names = new()
    {
        ["donald-trump"] = "Donald Trump",
        ["vladimir-putin"] = "Vladimir Putin",
        ["nato"] = "NATO",
    };

    [Fact]
    public void ArticleMatchingSeveralEntitiesAppearsOnceUnderItsStrongest()
    {
        MatchIndexRow[] rows =
        [
            Row("vladimir-putin", "a1", 0.6, "donald-trump,vladimir-putin,nato"),
            Row("donald-trump", "a1", 0.9, "donald-trump,vladimir-putin,nato"),
            Row("nato", "a1", 0.4, "donald-trump,vladimir-putin,nato"),
        ];

        var digest = DigestBuilder.Build(Everyone, Names, rows, From, To);

        var section = Assert.Single(digest.Sections);
        Assert.Equal(("donald-trump", "Donald Trump"), (section.EntityId, section.EntityName));
        var item = Assert.Single(section.Items);
        Assert.Equal(("a1", 0.9), (item.ArticleId, item.Score));
        Assert.Equal(["Vladimir Putin", "NATO"], item.OtherEntities);
        Assert.Equal(1, digest.ItemCount);
    }

    [Fact]
    public void SectionsAreOrderedByTheirBestScore()
    {
        MatchIndexRow[] rows =
        [
            Row("nato", "a1", 0.5, "nato"),
            Row("donald-trump", "a2", 0.9, "donald-trump"),
            Row("nato", "a3", 0.95, "nato"),
            Row("vladimir-putin", "a4", 0.7, "vladimir-putin"),
        ];

        var digest = DigestBuilder.Build(Everyone, Names, rows, From, To);

        Assert.Equal(["NATO", "Donald Trump", "Vladimir Putin"], digest.Sections.Select(s => s.EntityName));
        Assert.Equal(4, digest.ItemCount);
    }

    [Fact]
    public void ItemsInASectionAreOrderedByScoreThenNewestFirst()
    {
        MatchIndexRow[] rows =
        [
            Row("nato", "old", 0.5, "nato", matchedAt: From.AddHours(1)),
            Row("nato", "strong", 0.8, "nato", matchedAt: From.AddHours(2)),
            Row("nato", "new", 0.5, "nato", matchedAt: From.AddHours(3)),
        ];

        var digest = DigestBuilder.Build(Everyone, Names, rows, From, To);

        Assert.Equal(["strong", "new", "old"], digest.Sections.Single().Items.Select(i => i.ArticleId));
    }

    [Fact]
    public void TiedScoresGoToTheEntityWhoseIdSortsFirst()
    {
        MatchIndexRow[] rows =
        [
            Row("vladimir-putin", "a1", 0.7, "donald-trump,vladimir-putin"),
            Row("donald-trump", "a1", 0.7, "donald-trump,vladimir-putin"),
        ];

        var digest = DigestBuilder.Build(Everyone, Names, rows, From, To);

        Assert.Equal("donald-trump", digest.Sections.Single().EntityId);
    }

    [Fact]
    public void UnknownEntityIdsAreShownAsThemselves()
    {
        MatchIndexRow[] rows = [Row("retired-topic", "a1", 0.7, "retired-topic,other-retired")];

        var digest = DigestBuilder.Build(Everyone, Names, rows, From, To);

        var section = Assert.Single(digest.Sections);
        Assert.Equal("retired-topic", section.EntityName);
        Assert.Equal(["other-retired"], section.Items.Single().OtherEntities);
    }

    [Fact]
    public void ItemCarriesTheRowFieldsAndTheHighlight()
    {
        var published = new DateTimeOffset(2025, 3, 20, 6, 0, 0, TimeSpan.Zero);
        var row = Row("donald-trump", "a1", 0.9, "donald-trump");
        row.Published = published;

        var digest = DigestBuilder.Build(Everyone, Names, [row], From, To);

        var item = digest.Sections.Single().Items.Single();
        Assert.Empty(item.OtherEntities);
        Assert.Empty(item.AlsoIn);
        Assert.Equal(
            new DigestItem("a1", "Title a1", "https://news.example/a1", "demo", published, row.MatchedAt, 0.9, "Yesterday Trump spoke.", 10, 5, item.OtherEntities) { AlsoIn = item.AlsoIn },
            item);
        Assert.Equal(("daily", "Daily digest", From, To), (digest.SubscriptionId, digest.SubscriptionName, digest.From, digest.To));
    }

    [Fact]
    public void NoRowsMakeAnEmptyDigest()
    {
        var digest = DigestBuilder.Build(Everyone, Names, [], From, To);

        Assert.Empty(digest.Sections);
        Assert.Equal(0, digest.ItemCount);
    }

    [Fact]
    public void TheSameStoryFromSeveralOutletsIsOneItemWithAlsoIn()
    {
        var bbc = Row("vladimir-putin", "b1", 0.9, "vladimir-putin");
        bbc.Title = "Putin and Trump agree to talks on Ukraine ceasefire";
        bbc.FeedId = "bbc";
        var guardian = Row("vladimir-putin", "g1", 0.7, "vladimir-putin");
        guardian.Title = "Putin, Trump agree to talks on Ukraine ceasefire";
        guardian.FeedId = "guardian";
        var other = Row("vladimir-putin", "o1", 0.8, "vladimir-putin");
        other.Title = "Putin visits Beijing for trade talks";

        var digest = DigestBuilder.Build(Everyone, Names, [guardian, other, bbc], From, To);

        var items = digest.Sections.Single().Items;
        Assert.Equal(["b1", "o1"], items.Select(i => i.ArticleId));
        var also = Assert.Single(items[0].AlsoIn);
        Assert.Equal(("guardian", "https://news.example/g1"), (also.FeedId, also.Url));
        Assert.Empty(items[1].AlsoIn);
        Assert.Equal(2, digest.ItemCount);
    }

    [Fact]
    public void TheHealthFooterAndAlsoInAreRenderedAndEncoded()
    {
        var bbc = Row("donald-trump", "b1", 0.9, "donald-trump");
        var copy = Row("donald-trump", "c1", 0.5, "donald-trump");
        copy.FeedId = "<b>copycat</b>";
        copy.Title = bbc.Title;
        var digest = DigestBuilder.Build(Everyone, Names, [bbc, copy], From, To) with
        {
            Health = [new FeedHealth("dead-feed", "failing (3 polls in a row): https://x/feed: the server answered 404 <Not Found>")],
        };

        var html = DigestRenderer.Html(digest);
        var text = DigestRenderer.Text(digest);

        Assert.Contains("Also in: <a href=\"https://news.example/c1\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;copycat&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Feed health", html, StringComparison.Ordinal);
        Assert.Contains("404 &lt;Not Found&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Also in: <b>copycat</b> <https://news.example/c1>", text, StringComparison.Ordinal);
        Assert.Contains("dead-feed: failing (3 polls in a row)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnItemCarriesWhetherABackfillFoundItsStrongestRow()
    {
        var backfilled = Row("nato", "a2", 0.7, "nato");
        backfilled.Backfilled = true;

        var digest = DigestBuilder.Build(Everyone, Names, [Row("donald-trump", "a1", 0.9, "donald-trump"), backfilled], From, To);

        Assert.Equal([("a1", false), ("a2", true)], digest.Sections.SelectMany(s => s.Items).Select(i => (i.ArticleId, i.Backfilled)));
    }

    private static MatchIndexRow Row(string entity, string articleId, double score, string entities, DateTimeOffset? matchedAt = null)
    {
        var at = matchedAt ?? From.AddHours(6);
        return new MatchIndexRow
        {
            PartitionKey = entity,
            RowKey = MatchIndexRow.RowKeyFor(at, articleId),
            ArticleId = articleId,
            Kind = "figure",
            Title = $"Title {articleId}",
            Url = $"https://news.example/{articleId}",
            FeedId = "demo",
            MatchedAt = at,
            Score = score,
            MentionCount = 1,
            Snippet = "Yesterday Trump spoke.",
            SnippetOffset = 10,
            SnippetLength = 5,
            Entities = entities,
        };
    }
}
