using System.Text.Json.Nodes;
using NewsMonitor.Delivery.Channels;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Tests.Escaping;

namespace NewsMonitor.Tests.Delivery.Channels;

/// <summary>Our JSON webhook hands feed text to a program exactly as it came: the serializer escapes, nothing is lost.</summary>
[Trait("Category", "Reliability")]
public sealed class JsonPayloadTests
{
    [Theory]
    [MemberData(nameof(HostileFeedText.Names), MemberType = typeof(HostileFeedText))]
    public void AHostileTitleRoundTripsAsAPlainString(string name)
    {
        var text = HostileFeedText.Titles[name];
        var digest = HostileFeedText.DigestWith(text);

        var body = JsonNode.Parse(WebhookSender.Body(WebhookFormat.Json, digest, DigestRenderer.Text(digest)))!;

        var section = Assert.Single(body["sections"]!.AsArray())!;
        var item = Assert.Single(section["items"]!.AsArray())!;
        Assert.Equal(text, item["title"]!.GetValue<string>());
        Assert.Equal("Trump said " + text, item["snippet"]!.GetValue<string>());
        Assert.Equal("Entity " + text, section["entity"]!.GetValue<string>());
        Assert.Equal(HostileFeedText.ArticleUrl, item["url"]!.GetValue<string>());
    }
}
