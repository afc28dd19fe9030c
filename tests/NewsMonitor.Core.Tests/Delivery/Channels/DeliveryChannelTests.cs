using NewsMonitor.Delivery.Channels;
using NewsMonitor.Delivery.Digests;

namespace NewsMonitor.Tests.Delivery.Channels;

/// <summary>A subscription's channels, typed and keyed so reordering its webhooks keeps each one's record.</summary>
public sealed class DeliveryChannelTests
{
    private static readonly WebhookTarget Slack = new(new Uri("https://hooks.slack.example/T1/B2"), WebhookFormat.Slack);
    private static readonly WebhookTarget Teams = new(new Uri("https://teams.example/workflows/9"), WebhookFormat.Teams);

    public static TheoryData<string, string[], WebhookTarget[], string[]> Subscriptions => new()
    {
        { "email and two webhooks", ["a@example.org", "b@example.org"], [Slack, Teams], ["email", WebhookChannel.KeyFor(Slack.Url), WebhookChannel.KeyFor(Teams.Url)] },
        { "webhooks only", [], [Teams], [WebhookChannel.KeyFor(Teams.Url)] },
        { "a webhook listed twice is one channel", [], [Slack, Slack], [WebhookChannel.KeyFor(Slack.Url)] },
        { "no channel at all", [], [], ["store"] },
    };

    [Theory]
    [MemberData(nameof(Subscriptions))]
    public void TheChannelsAreEmailThenEachWebhookOrStore(string name, string[] email, WebhookTarget[] webhooks, string[] keys)
    {
        var subscription = new Subscription("desk", "Desk", [], 0) { Email = email, Webhooks = webhooks };

        Assert.True(keys.SequenceEqual(DeliveryChannel.Of(subscription).Select(c => c.Key)), name);
    }

    [Fact]
    public void AWebhooksKeyDoesNotDependOnItsPlaceInTheList()
    {
        var before = new Subscription("desk", "Desk", [], 0) { Webhooks = [Slack, Teams] };
        var after = before with { Webhooks = [Teams, Slack] };

        Assert.Equal(DeliveryChannel.Of(before).Select(c => c.Key).Order(), DeliveryChannel.Of(after).Select(c => c.Key).Order());
    }

    [Fact]
    public void AWebhookKeyIsShortAndHoldsNothingOfTheUrl()
    {
        var key = WebhookChannel.KeyFor(new Uri("https://hooks.example/secret-token-123"));

        Assert.Matches("^webhook-[0-9a-f]{12}$", key);
    }
}
