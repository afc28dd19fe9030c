using System.Text;
using NewsMonitor.Delivery.Channels;
using StandardWebhooks;

namespace NewsMonitor.Tests.Delivery.Channels;

/// <summary>Signatures an off-the-shelf Standard Webhooks implementation agrees with, and message ids stable across retries.</summary>
public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1_767_225_600);

    public static TheoryData<string, string> Secrets => new()
    {
        // name, our setting value; the library is given the spec form of the same key.
        { "spec form", "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("a key of thirty-two bytes, 32 B!")) },
        { "plain text set before the spec", "s3cret-for-tests" },
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void TheSignatureIsTheOneTheStandardWebhooksLibraryComputes(string name, string secret)
    {
        var body = """{"subscription":"desk","count":1}""";
        var specForm = secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret : "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));

        var ours = WebhookSignature.Sign(WebhookSignature.Key(secret)!, "msg_1", At, Encoding.UTF8.GetBytes(body));

        Assert.True(ours == new StandardWebhook(specForm).Sign("msg_1", At, body), name);
    }

    [Theory]
    [InlineData("whsec_")]
    [InlineData("whsec_not base64!")]
    public void ASpecFormSecretThatIsNotBase64HasNoKey(string secret)
        => Assert.Null(WebhookSignature.Key(secret));

    public static TheoryData<string, string, string, string, string, string, bool> MessageIds => new()
    {
        { "the same item on the same channel", "desk", "alert:1", "email", "desk", "alert:1", true },
        { "another item", "desk", "alert:1", "email", "desk", "alert:2", false },
        { "another subscription", "desk", "alert:1", "email", "other", "alert:1", false },
    };

    [Theory]
    [MemberData(nameof(MessageIds))]
    public void AMessageIdIsTheSameOnlyForTheSameItemOnTheSameChannel(string name, string subscription, string item, string channel, string otherSubscription, string otherItem, bool same)
        => Assert.True(same == (WebhookSignature.MessageId(subscription, item, channel) == WebhookSignature.MessageId(otherSubscription, otherItem, channel)), name);

    [Fact]
    public void TheSameItemOnTwoChannelsHasTwoMessageIds()
        => Assert.NotEqual(WebhookSignature.MessageId("desk", "alert:1", "webhook-aaa"), WebhookSignature.MessageId("desk", "alert:1", "webhook-bbb"));
}
