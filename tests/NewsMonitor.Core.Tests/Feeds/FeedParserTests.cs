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
        { "AtomXmlBase.xml", "atom10", "xml:base Example" },
        { "Rss20GuidPermalink.xml", "rss20", "Guid Permalinks" },
        { "JsonFeed11.json", "json", "JSON Feed Example" },
    };

    public static TheoryData<string, string?[]> Links => new()
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
        {
            "AtomXmlBase.xml",
            [
                "https://base.example/blog/2025/post-one.html",
                "https://base.example/archive/two",
                "https://other.example/a/three.html",
                "https://base.example/blog/related-four",
            ]
        },
        { "Rss20GuidPermalink.xml", ["https://guid.example/stories/1", null, "https://guid.example/news/stories/3.html"] },
        { "JsonFeed11.json", ["https://json.example/posts/1", "https://news.example/feeds/posts/2", "https://elsewhere.example/story"] },
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
        { "AtomXmlBase.xml", "urn:example:base-1", "2025-04-01T08:00:00Z" },
        { "AtomXmlBase.xml", "urn:example:base-2", "2025-03-30T10:30:00Z" },
        { "AtomXmlBase.xml", "urn:example:base-3", null },
        { "AtomXmlBase.xml", "urn:example:base-4", null },
        { "Rss20GuidPermalink.xml", "https://guid.example/stories/1", "2025-04-01T08:00:00Z" },
        { "Rss20GuidPermalink.xml", "tag:guid.example,2025:2", "2025-04-01T14:00:00Z" },
        { "Rss20GuidPermalink.xml", "3", "2025-04-01T00:00:00Z" },
        { "JsonFeed11.json", "json-1", "2025-04-01T08:00:00Z" },
        { "JsonFeed11.json", "json-2", "2025-04-02T00:00:00Z" },
        { "JsonFeed11.json", "3", null },
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
    public void RelativeLinksAreResolvedAgainstXmlBaseAndTheFeedUrl(string file, string?[] links)
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
    public void DeeplyNestedJsonIsRefused()
    {
        var content = System.Text.Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000));

        var error = Assert.Throws<FeedParseException>(() => FeedParser.Parse(content, FeedUrl));

        Assert.StartsWith($"{FeedUrl}: not a readable feed: malformed JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonFeedSummaryAndContentAreKeptApart()
    {
        var feed = FeedParser.Parse(TestFiles.ReadBytes("JsonFeed11.json"), FeedUrl);

        Assert.Equal(("The first item.", "<p>First <b>item</b>.</p>"), (feed.Items[0].Summary, feed.Items[0].Content));
        Assert.Equal((null, "Plain text content."), (feed.Items[1].Summary, feed.Items[1].Content));
        Assert.Null(feed.UpdateInterval);
    }

    [Theory]
    [InlineData("{\"title\": \"no version\", \"items\": []}", "json content is not a JSON Feed (missing or unknown \"version\")")]
    [InlineData("{ \"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [", "malformed JSON: ")]
    [InlineData("", "the document is empty")]
    [InlineData("  \n ", "the document is empty")]
    [InlineData("<html><body>x</body></html>", "the document is an HTML page, not a feed")]
    [InlineData("<!DOCTYPE html>\n<HTML lang=en><p>x", "the document is an HTML page, not a feed")]
    [InlineData("<note><to>x</to></note>", "the root element <note> is not rss, rdf:RDF or an Atom feed")]
    [InlineData("<rss version=\"2.0\"><item><title>x</title></item></rss>", "the feed has items but no <channel> element")]
    [InlineData("<rss version=\"2.0\"><channel><title>x</channel></rss>", "malformed XML: The 'title' start tag on line 1 position ")]
    public void ProblemIsNamed(string document, string problem)
    {
        var error = Assert.Throws<FeedParseException>(() => FeedParser.Parse(System.Text.Encoding.UTF8.GetBytes(document), FeedUrl));

        Assert.StartsWith($"{FeedUrl}: not a readable feed: {problem}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"></rss>", "rss20")]
    [InlineData("<rss></rss", "rss")]
    [InlineData("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>", "rss10")]
    public void RssWithoutChannelOrItemsIsAnEmptyFeed(string document, string format)
    {
        var feed = FeedParser.Parse(System.Text.Encoding.UTF8.GetBytes(document), FeedUrl);

        Assert.Equal((format, 0), (feed.Format, feed.Items.Count));
    }

    [Fact]
    public void HttpCharsetIsUsedWhenTheDocumentDeclaresNone()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var content = System.Text.Encoding.GetEncoding(1251).GetBytes("<rss version=\"2.0\"><channel><title>Новости</title><item><title>Москва</title><link>/m</link></item></channel></rss>");

        var feed = FeedParser.Parse(content, FeedUrl, "windows-1251");

        Assert.Equal(("Новости", "Москва"), (feed.Title, feed.Items[0].Title));
    }

    [Fact]
    public void TitlesAreOneLine()
    {
        var content = System.Text.Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><title>\n  Wrapped\n   title\t </title><item><title><![CDATA[ Two\r\n lines ]]></title><link>/a</link></item></channel></rss>");

        var feed = FeedParser.Parse(content, FeedUrl);

        Assert.Equal(("Wrapped title", "Two lines"), (feed.Title, feed.Items[0].Title));
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
