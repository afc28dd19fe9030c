using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CodeHollow.FeedReader;
using NewsMonitor.Delivery.Syndication;

namespace NewsMonitor.Tests.Delivery.Syndication;

/// <summary>
/// The feeds against the rules of Atom 1.0 (RFC 4287) that the W3C validator checks and that need no network, and read
/// back by CodeHollow.FeedReader, the parser the app itself polls feeds with.
/// </summary>
public sealed partial class AtomWriterTests
{
    private static readonly XNamespace Atom = AtomWriter.Namespace;

    [Fact]
    public void TheFeedAndEveryEntryHaveOneIdTitleAndUpdatedWithAbsoluteIdsAndRfc3339Times()
    {
        var xml = XDocument.Parse(AtomTestFeeds.Xml(AtomTestFeeds.Match("0123456789abcdef0123456789abcdef", "Putin meets envoy"), AtomTestFeeds.Match("fedcba9876543210fedcba9876543210", "Talks resume", feed: "wire")));

        var feed = xml.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var element in new[] { feed }.Concat(feed.Elements(Atom + "entry")))
        {
            Assert.Single(element.Elements(Atom + "id"));
            Assert.Single(element.Elements(Atom + "title"));
            Assert.Single(element.Elements(Atom + "updated"));
            Assert.True(Uri.TryCreate(element.Element(Atom + "id")!.Value, UriKind.Absolute, out _), element.Element(Atom + "id")!.Value);
            Assert.All(element.Elements(Atom + "updated").Concat(element.Elements(Atom + "published")), time => Assert.Matches(Rfc3339(), time.Value));
        }

        Assert.Equal(2, feed.Elements(Atom + "entry").Count());
        Assert.Equal(2, feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
    }

    [Fact]
    public void TheFeedLinksToItselfAndToTheWorkspaceAndEachEntryToItsArticle()
    {
        var xml = XDocument.Parse(AtomTestFeeds.Xml(AtomTestFeeds.Match("0123456789abcdef0123456789abcdef", "Putin meets envoy")));

        var links = xml.Root!.Elements(Atom + "link").ToDictionary(l => (string)l.Attribute("rel")!, l => (string)l.Attribute("href")!);
        var entry = xml.Root.Element(Atom + "entry")!;

        Assert.Equal("https://func.example/api/subscriptions/russia-desk/feed.atom?token=abc", links["self"]);
        Assert.Equal("https://func.example/", links["alternate"]);
        Assert.Equal("https://news.example/0123456789abcdef0123456789abcdef", (string)entry.Element(Atom + "link")!.Attribute("href")!);
        Assert.Equal("alternate", (string)entry.Element(Atom + "link")!.Attribute("rel")!);
        Assert.Equal("en", (string)xml.Root.Attribute(XNamespace.Xml + "lang")!);
        Assert.Equal(string.Empty, (string)entry.Attribute(XNamespace.Xml + "lang")!);
    }

    [Fact]
    public void AnEntryNamesItsOutletEntitiesAndTheMarkedMention()
    {
        var xml = XDocument.Parse(AtomTestFeeds.Xml(AtomTestFeeds.Match("0123456789abcdef0123456789abcdef", "Putin meets envoy", feed: "wire")));

        var entry = xml.Root!.Element(Atom + "entry")!;
        var content = entry.Element(Atom + "content")!;

        Assert.Equal("Wire & Co", entry.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Equal([("vladimir-putin", "Vladimir Putin"), ("donald-trump", "Donald Trump")], entry.Elements(Atom + "category").Select(c => ((string)c.Attribute("term")!, (string)c.Attribute("label")!)));
        Assert.Equal("html", (string)content.Attribute("type")!);
        Assert.StartsWith("<p><strong>Putin</strong> met the envoy in Moscow.</p>", content.Value, StringComparison.Ordinal);
        Assert.Contains("Wire &amp; Co", content.Value, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> HostileText => new()
    {
        { "a script tag", "<script>alert(1)</script> Putin", "<script>alert(1)</script> Putin", "&lt;script&gt;alert(1)&lt;/script&gt; Putin" },
        { "ampersands and entities", "Putin & Trump &amp; &#x3C;b&#x3E;", "Putin & Trump &amp; &#x3C;b&#x3E;", "Putin &amp; Trump &amp;amp; &amp;#x3C;b&amp;#x3E;" },
        { "control characters", "Putin\u0001\u0007\u001B[2J talks\u0000", "Putin[2J talks", "Putin[2J talks" },
        { "a bidi override", "Putin \u202Etxt.exe", "Putin txt.exe", "Putin txt.exe" },
        { "a noncharacter", "Putin \uFFFE end", "Putin  end", "Putin  end" },
        { "CDATA's end", "Putin ]]> <![CDATA[ x", "Putin ]]> <![CDATA[ x", "Putin ]]&gt; &lt;![CDATA[ x" },
    };

    [Theory]
    [MemberData(nameof(HostileText))]
    public void HostileTextStaysTextAndTheXmlStaysWellFormed(string why, string hostile, string shownTitle, string htmlSnippet)
    {
        var text = AtomTestFeeds.Xml(AtomTestFeeds.Match("0123456789abcdef0123456789abcdef", hostile, snippet: hostile, length: 0));

        var xml = XDocument.Parse(text);
        var entry = xml.Root!.Element(Atom + "entry")!;

        var title = entry.Element(Atom + "title")!.Value;
        var content = entry.Element(Atom + "content")!.Value;
        Assert.True(title == shownTitle, $"{why}: the title reads \"{title}\"");
        Assert.True(content.StartsWith($"<p>{htmlSnippet}</p>", StringComparison.Ordinal), $"{why}: the content reads \"{content}\"");
        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A row of its own: xunit would turn a lone surrogate in theory data into U+FFFD before the test saw it.</summary>
    [Fact]
    public void ALoneSurrogateIsRemovedAndAPairKept()
    {
        var hostile = "Putin " + '\uD800' + " and " + char.ConvertFromUtf32(0x1F600) + " " + '\uDC00';

        var xml = XDocument.Parse(AtomTestFeeds.Xml(AtomTestFeeds.Match("0123456789abcdef0123456789abcdef", hostile, snippet: hostile, length: 0)));

        Assert.Equal("Putin  and " + char.ConvertFromUtf32(0x1F600) + " ", xml.Root!.Element(Atom + "entry")!.Element(Atom + "title")!.Value);
    }

    [Fact]
    public void CodeHollowReadsItAsAtomWithEveryEntry()
    {
        var text = AtomTestFeeds.Xml(AtomTestFeeds.Match("0123456789abcdef0123456789abcdef", "Putin meets envoy"), AtomTestFeeds.Match("fedcba9876543210fedcba9876543210", "Talks & <more>"));

        var feed = FeedReader.ReadFromString(text);

        Assert.Equal(FeedType.Atom, feed.Type);
        Assert.Equal("Russia desk", feed.Title);
        Assert.Equal(["Putin meets envoy", "Talks & <more>"], feed.Items.Select(i => i.Title));
        Assert.Equal("https://news.example/0123456789abcdef0123456789abcdef", feed.Items[0].Link);
        Assert.Equal(AtomIds.ForArticle("0123456789abcdef0123456789abcdef"), feed.Items[0].Id);
        Assert.Equal(["Vladimir Putin", "Donald Trump"], feed.Items[0].Categories);
        Assert.Equal(AtomTestFeeds.Now.AddHours(-2).UtcDateTime, feed.Items[0].PublishingDate?.ToUniversalTime());
    }

    [Fact]
    public void AnEmptyFeedIsStillValidAndSaysWhenItWasAsked()
    {
        var xml = XDocument.Parse(AtomTestFeeds.Xml());

        Assert.Empty(xml.Root!.Elements(Atom + "entry"));
        Assert.Equal("2025-03-01T09:00:00Z", xml.Root.Element(Atom + "updated")!.Value);
        Assert.Equal(FeedType.Atom, FeedReader.ReadFromString(AtomTestFeeds.Xml()).Type);
    }

    [Fact]
    public void AnEntryIsNeverOlderThanItsPublication()
    {
        var early = AtomTestFeeds.Match("0123456789abcdef0123456789abcdef", "From a fast clock") with { Published = AtomTestFeeds.Now.AddHours(1) };

        var entry = AtomEntries.From(early, AtomTestFeeds.EntityNames, AtomTestFeeds.Outlets);

        Assert.Equal(AtomTestFeeds.Now.AddHours(1), entry.Updated);
        Assert.Equal(DateTimeOffset.Parse("2025-03-01T10:00:00Z", CultureInfo.InvariantCulture), entry.Published);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
