using NewsMonitor.Delivery.Channels;
using NewsMonitor.Delivery.Digests;

namespace NewsMonitor.Tests.Delivery.Channels;

/// <summary>What <c>run --once</c> and <c>digest --send</c> say was delivered where.</summary>
public sealed class DeliveryTallyTests
{
    private static readonly EmailChannel TwoRecipients = new(["a@example.org", "b@example.org"]);
    private static readonly WebhookChannel Slack = new(new WebhookTarget(new Uri("https://hooks.slack.example/1"), WebhookFormat.Slack));
    private static readonly WebhookChannel Teams = new(new WebhookTarget(new Uri("https://teams.example/1"), WebhookFormat.Teams));

    public static TheoryData<string, ChannelOutcome[], string> Tallies => new()
    {
        { "nothing", [], "nothing was due" },
        { "the issue's example", [new(TwoRecipients, DeliveryStatus.Sent), new(Slack, DeliveryStatus.Sent)], "sent: 1 email to 2 recipients, 1 Slack webhook; 0 failed" },
        { "a failure", [new(TwoRecipients, DeliveryStatus.Sent), new(Teams, DeliveryStatus.Failed, "desk: webhook teams.example answered 500")], "sent: 1 email to 2 recipients; 1 failed" },
        { "two emails add their recipients", [new(TwoRecipients, DeliveryStatus.Sent), new(new EmailChannel(["c@example.org"]), DeliveryStatus.Sent)], "sent: 2 emails to 3 recipients; 0 failed" },
        { "a retry that found it delivered", [new(TwoRecipients, DeliveryStatus.AlreadyDelivered), new(Slack, DeliveryStatus.Sent)], "sent: 1 Slack webhook; 0 failed; 1 already delivered" },
        { "held by another attempt", [new(Slack, DeliveryStatus.InProgress, "claimed")], "sent: nothing; 0 failed; 1 being sent by another attempt" },
        { "a subscription without channels", [new(StoreChannel.Instance, DeliveryStatus.Sent)], "sent: nothing; 0 failed; 1 stored only (no channel)" },
    };

    [Theory]
    [MemberData(nameof(Tallies))]
    public void TheTallySaysWhatWentWhere(string name, ChannelOutcome[] outcomes, string expected)
    {
        var tally = new DeliveryTally();
        tally.Add(outcomes);

        Assert.True(expected == tally.ToString(), $"{name}: {tally}");
    }
}
