using System.Globalization;
using NewsMonitor.Feeds;

namespace NewsMonitor.Tests.Feeds;

public sealed class FeedParserTests
{
    private static readonly Uri FeedUrl = new("https://news.example/feeds/world.xml");

    public static TheoryData<string, string, string> Formats => new()
    {
        { "Rss20RelativeLinks.xml", "rss20", "Relative Links Daily" },
        { "Rss20WithoutDates.xml", "rss20", "Undated News" },
        { "Atom10.xml", "atom10", "Atom Example" },
        { "Rss10Rdf.xml", "rss10", "RDF Example" },
        { TestFiles.DemoFeed, "rss20", "Global Affairs Daily (demo)" },
    };

    public static TheoryData<string, string[]> Links => new()
    {
        {
            "Rss20RelativeLinks.xml",
            [
                "https://news.example/feeds/articles/sibling.html",
                "https://news.example/news/root.html?id=7",
                "https://news.example/parent.html",
                "https://other.example/story",
            ]
        },
        { "Atom10.xml", ["https://atom.example/2025/03/absolute", "https://news.example/feeds/2025/03/relative"] },
        { "Rss10Rdf.xml", ["https://rdf.example/one", "https://news.example/feeds/two.html"] },
    };

    public static TheoryData<string, string, string?> PublishedDates => new()
    {
        { "Rss20RelativeLinks.xml", "rel-1", "2025-03-31T14:20:00Z" },
        { "Rss20RelativeLinks.xml", "rel-2", "2025-03-30T07:00:00Z" },
        { "Atom10.xml", "urn:example:entry-1", "2025-03-31T08:00:00Z" },
        { "Rss10Rdf.xml", "https://rdf.example/one", "2025-03-20T06:00:00Z" },
        { "Rss10Rdf.xml", "two.html", null },
        { "Rss20WithoutDates.xml", "undated-a", null },
        { "Rss20WithoutDates.xml", "https://undated.example/b", null },
    };

    public static TheoryData<string> Unreadable => new()
    {
        "NotAFeed.html",
        "NotAFeedXhtml.xml",
        "BrokenXml.xml",
        "Rss20InternalEntity.xml",
        "Rss20ExternalEntity.xml",
        "Rss20EntityExpansionBomb.xml",
    };

    public static TheoryData<string> DocumentTypes => new()
    {
        "Rss20InternalEntity.xml",
        "Rss20ExternalEntity.xml",
        "Rss20EntityExpansionBomb.xml",
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void FormatAndTitleAreRecognised(string file, string format, string title)
    {
        var feed = FeedParser.Parse(TestFiles.ReadBytes(file), FeedUrl);

        Assert.Equal((format, title), (feed.Format, feed.Title));
    }

    [Theory]
    [MemberData(nameof(Links))]
    public void RelativeLinksAreResolvedAgainstTheFeedUrl(string file, string[] links)
    {
        var feed = FeedParser.Parse(TestFiles.ReadBytes(file), FeedUrl);

        Assert.Equal(links, feed.Items.Select(i => i.Link?.AbsoluteUri));
    }

    [Theory]
    [MemberData(nameof(PublishedDates))]
    public void PublishedDatesAreUtcAndMissingDatesAreNull(string file, string id, string? published)
    {
        var feed = FeedParser.Parse(TestFiles.ReadBytes(file), FeedUrl);

        var item = Assert.Single(feed.Items, i => i.Id == id);
        Assert.Equal(published is null ? null : DateTimeOffset.Parse(published, CultureInfo.InvariantCulture), item.Published);
        Assert.Equal(TimeSpan.Zero, item.Published?.Offset ?? TimeSpan.Zero);
    }

    [Theory]
    [InlineData("Rss20Iso88591.xml", "Macron reçoit António Guterres à l'Élysée")]
    [InlineData("Rss20Windows1252.xml", "Macron reçoit António Guterres à l’Élysée – « sommet »")]
    public void DeclaredLegacyEncodingIsDecoded(string file, string title)
    {
        var feed = FeedParser.Parse(TestFiles.ReadBytes(file), FeedUrl);

        Assert.Equal(title, Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void ItemIdIsTheGuidOrElseTheLink()
    {
        var feed = FeedParser.Parse(TestFiles.ReadBytes("Rss20WithoutDates.xml"), FeedUrl);

        Assert.Equal(["undated-a", "https://undated.example/b"], feed.Items.Select(i => i.Id));
    }

    [Fact]
    public void AtomSummaryAndContentAreKeptApart()
    {
        var feed = FeedParser.Parse(TestFiles.ReadBytes("Atom10.xml"), FeedUrl);

        var entry = feed.Items[0];
        Assert.Equal(("Absolute entry", "Summary of the absolute entry."), (entry.Title, entry.Summary));
        Assert.Equal("<p>Full <b>content</b> of the entry.</p>", entry.Content);
        Assert.Null(feed.Items[1].Content);
    }

    [Fact]
    public void LinksThatAreNotHttpAreDropped()
    {
        var feed = FeedParser.Parse(TestFiles.ReadBytes("Rss20NonHttpLinks.xml"), FeedUrl);

        Assert.Equal(["unsafe-1", "unsafe-2", "unsafe-3", "unsafe-4"], feed.Items.Select(i => i.Id));
        Assert.All(feed.Items, item => Assert.Null(item.Link));
    }

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void UnreadableDocumentThrowsNamingTheFeedUrl(string file)
    {
        var error = Assert.Throws<FeedParseException>(() => FeedParser.Parse(TestFiles.ReadBytes(file), FeedUrl));

        Assert.Equal(FeedUrl.ToString(), error.Input);
        Assert.StartsWith($"{FeedUrl}: not a readable feed: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DocumentTypes))]
    public void DocumentWithADtdIsRefusedBeforeAnyEntityIsExpanded(string file)
    {
        var content = TestFiles.ReadBytes(file);

        var error = Record.Exception(() => FeedParser.Parse(content, FeedUrl));

        Assert.IsType<FeedParseException>(error);
        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ENTITY-WAS-EXPANDED", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 1000, $"message of {error.Message.Length} characters");
    }

    [Fact]
    public void EmptyDocumentThrowsNamingTheFeedUrl()
    {
        var error = Assert.Throws<FeedParseException>(() => FeedParser.Parse([], FeedUrl));

        Assert.Contains(FeedUrl.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DemoFeedHasTenItemsWithAbsoluteLinksOnTheSameSite()
    {
        var demoUrl = new Uri("http://localhost:8080/feed.xml");

        var feed = FeedParser.Parse(TestFiles.ReadBytes(TestFiles.DemoFeed), demoUrl);

        Assert.Equal(10, feed.Items.Count);
        Assert.All(feed.Items, item =>
        {
            Assert.NotNull(item.Link);
            Assert.True(item.Link.IsAbsoluteUri);
            Assert.StartsWith("http://localhost:8080/articles/", item.Link.AbsoluteUri, StringComparison.Ordinal);
            Assert.NotNull(item.Published);
        });
        Assert.Contains(feed.Items, i => i.Id == "demo-trump-putin-ally" && i.Link!.AbsoluteUri == "http://localhost:8080/articles/trump-putin-ally.html");
        Assert.Equal(10, feed.Items.Select(i => i.Id).Distinct().Count());
    }
}
