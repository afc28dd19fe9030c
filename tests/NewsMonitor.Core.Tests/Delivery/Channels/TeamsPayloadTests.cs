using System.Text;
using System.Text.Json.Nodes;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NewsMonitor.Delivery.Channels;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Escaping;
using NewsMonitor.Tests.Escaping;

namespace NewsMonitor.Tests.Delivery.Channels;

/// <summary>The Teams card read as a CommonMark renderer reads TextBlock text: feed text shows as itself and never forms a link, mention or markup.</summary>
[Trait("Category", "Reliability")]
public sealed class TeamsPayloadTests
{
    private const string ExpectedLink = "https://news.example/story?id=1&part=%282%29";

    [Fact]
    public void ADigestIsAnAdaptiveCardInTheShapeTeamsWebhooksAccept()
    {
        var message = Message(HostileFeedText.DigestWith("Trump spoke"));

        Assert.Equal("message", message["type"]!.GetValue<string>());
        var attachment = Assert.Single(message["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var card = attachment["content"]!;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card["$schema"]!.GetValue<string>());
        Assert.Equal("1.4", card["version"]!.GetValue<string>());
        Assert.All(card["body"]!.AsArray(), block => Assert.Equal("TextBlock", block!["type"]!.GetValue<string>()));
        Assert.Null(message["@type"]);
    }

    [Theory]
    [MemberData(nameof(HostileFeedText.Names), MemberType = typeof(HostileFeedText))]
    public void AHostileTitleShowsAsItsTextAndOnlyTheArticleIsLinked(string name)
    {
        var text = HostileFeedText.Titles[name];

        var blocks = TextBlocks(HostileFeedText.DigestWith(text));

        var links = blocks.SelectMany(b => Inlines(b).OfType<LinkInline>()).ToList();
        Assert.Equal(ExpectedLink, Assert.Single(links).Url);
        Assert.False(links[0].IsImage);
        Assert.All(blocks, AssertOnlyTextLinksAndHighlight);
        var shown = blocks.Select(b => Shown(b).Trim()).ToList();
        Assert.Contains(ControlCharacters.Strip("Entity " + text).Trim(), shown);
        Assert.Contains(ControlCharacters.Strip(text).Trim(), shown);
        Assert.Contains(ControlCharacters.Strip("Trump said " + text).Trim(), shown);
        Assert.Contains(ControlCharacters.Strip("demo: failing: " + text).Trim(), shown);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("/relative/story")]
    [InlineData("news](http://evil.example/phish")]
    public void AnArticleWithoutAnHttpUrlIsShownWithoutALink(string url)
    {
        var blocks = TextBlocks(HostileFeedText.DigestWith("Trump spoke", url));

        Assert.DoesNotContain(blocks, b => Inlines(b).OfType<LinkInline>().Any());
        Assert.Contains("Trump spoke", blocks.Select(Shown));
    }

    [Fact]
    public void TheMentionInTheSnippetIsBold()
    {
        var blocks = TextBlocks(HostileFeedText.DigestWith("about **Putin**"));

        var emphasis = blocks.SelectMany(b => Inlines(b).OfType<EmphasisInline>()).ToList();
        Assert.Equal("Trump", Assert.Single(emphasis).FirstChild!.ToString());
        Assert.Equal(2, emphasis[0].DelimiterCount);
    }

    internal static JsonNode Message(Digest digest) => JsonNode.Parse(WebhookSender.Body(WebhookFormat.Teams, digest, string.Empty))!;

    private static List<string> TextBlocks(Digest digest)
        => [.. Message(digest)["attachments"]![0]!["content"]!["body"]!.AsArray().Select(b => b!["text"]!.GetValue<string>())];

    private static IEnumerable<Inline> Inlines(string markdown)
        => Markdown.Parse(markdown).Descendants<ParagraphBlock>().SelectMany(p => p.Inline!.Descendants<Inline>());

    // One paragraph of literal text, at most our link around the title and our bold around the snippet's mention.
    private static void AssertOnlyTextLinksAndHighlight(string markdown)
    {
        var document = Markdown.Parse(markdown);
        Assert.IsType<ParagraphBlock>(Assert.Single(document));
        Assert.All(Inlines(markdown), inline => Assert.True(
            inline is LiteralInline or LinkInline or EmphasisInline,
            $"{inline.GetType().Name} formed from {markdown}"));
    }

    private static string Shown(string markdown)
    {
        var text = new StringBuilder();
        foreach (var literal in Inlines(markdown).OfType<LiteralInline>())
        {
            text.Append(literal.Content.ToString());
        }

        return text.ToString();
    }
}
