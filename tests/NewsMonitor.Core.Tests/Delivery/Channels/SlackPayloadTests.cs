using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NewsMonitor.Delivery.Channels;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Escaping;
using NewsMonitor.Tests.Escaping;

namespace NewsMonitor.Tests.Delivery.Channels;

/// <summary>The Slack message read as Slack reads mrkdwn: only <c>&lt;…&gt;</c> is a control sequence, and only ours appear.</summary>
[Trait("Category", "Reliability")]
public sealed partial class SlackPayloadTests
{
    [Theory]
    [MemberData(nameof(HostileFeedText.Names), MemberType = typeof(HostileFeedText))]
    public void AHostileTitleShowsAsItsTextAndOnlyTheArticleIsLinked(string name)
    {
        var text = HostileFeedText.Titles[name];

        var message = Text(HostileFeedText.DigestWith(text));

        var sequence = Assert.Single(ControlSequence().Matches(message));
        Assert.Equal("https://news.example/story?id=1&amp;part=(2)", sequence.Groups["url"].Value);
        Assert.Equal(ControlCharacters.Strip(text), WebUtility.HtmlDecode(sequence.Groups["label"].Value));
        var outside = ControlSequence().Replace(message, string.Empty);
        Assert.DoesNotContain('<', outside);
        Assert.DoesNotContain('>', outside);
        Assert.DoesNotContain(message, c => ControlCharacters.IsControl(c) && c != '\n');
    }

    [Theory]
    [InlineData("https://news.example/a>|<!channel>", "https://news.example/a%3E%7C%3C!channel%3E")]
    [InlineData("https://news.example/a|<http://evil.example|click>", "https://news.example/a%7C%3Chttp://evil.example%7Cclick%3E")]
    public void AnArticleUrlCannotEndItsLinkOrStartAnother(string url, string expected)
    {
        var message = Text(HostileFeedText.DigestWith("Trump spoke", url));

        var sequence = Assert.Single(ControlSequence().Matches(message));
        Assert.Equal(expected, sequence.Groups["url"].Value);
        Assert.Equal("Trump spoke", sequence.Groups["label"].Value);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/story")]
    public void AnArticleWithoutAnHttpUrlIsShownWithoutALink(string url)
    {
        var message = Text(HostileFeedText.DigestWith("Trump spoke", url));

        Assert.Empty(ControlSequence().Matches(message));
        Assert.Contains("• Trump spoke — Trump said Trump spoke", message, StringComparison.Ordinal);
    }

    private static string Text(Digest digest) => JsonNode.Parse(WebhookSender.Body(WebhookFormat.Slack, digest, string.Empty))!["text"]!.GetValue<string>();

    [GeneratedRegex("<(?<url>[^<>|]*)\\|(?<label>[^<>]*)>")]
    private static partial Regex ControlSequence();
}
