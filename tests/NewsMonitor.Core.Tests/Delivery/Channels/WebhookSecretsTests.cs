using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NewsMonitor.Delivery.Channels;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Http;

namespace NewsMonitor.Tests.Delivery.Channels;

/// <summary>A webhook goes unsigned only when its subscription says so; secret settings can be written in any shell.</summary>
[Trait("Category", "Reliability")]
public sealed class WebhookSecretsTests
{
    public static TheoryData<string> SettingForms => new()
    {
        "Monitor:WebhookSecrets:my-desk",
        "Monitor:WebhookSecrets:my_desk",
        "MONITOR:WEBHOOKSECRETS:MY_DESK",
    };

    [Theory]
    [MemberData(nameof(SettingForms))]
    public void EachFormOfTheSettingNameIsTheSecretOfTheSubscription(string setting)
    {
        var secrets = WebhookSecrets.FromConfiguration(Configuration((setting, "s3cret")));

        Assert.Equal("s3cret", secrets.BySubscription["my-desk"]);
    }

    [Fact]
    public void TheShellFormOfTheSettingHasNoHyphen()
        => Assert.Equal("Monitor__WebhookSecrets__russia_ukraine_desk", WebhookSecrets.SettingName("russia-ukraine-desk"));

    [Fact]
    public void ASignedWebhookWithoutASecretIsListedAndAnUnsignedOneIsAChoice()
    {
        var secrets = WebhookSecrets.FromConfiguration(Configuration(("Monitor:WebhookSecrets:kept", "s")));
        Subscription[] subscriptions =
        [
            WithHook("forgotten", signed: true),
            WithHook("chosen", signed: false),
            WithHook("kept", signed: true),
        ];

        var problems = secrets.Problems(subscriptions);

        Assert.Equal("subscription forgotten: its webhooks are signed but no secret is set; set Monitor__WebhookSecrets__forgotten or mark each webhook \"signed\": false", Assert.Single(problems));
    }

    [Fact]
    public void ASecretInTheSpecFormThatIsNotBase64IsAProblemBeforeAnySend()
    {
        var secrets = WebhookSecrets.FromConfiguration(Configuration(("Monitor:WebhookSecrets:desk", "whsec_not base64!")));

        var problems = secrets.Problems([WithHook("desk", signed: true)]);

        Assert.Equal("subscription desk: the secret in Monitor__WebhookSecrets__desk starts with \"whsec_\" but the rest is not base64", Assert.Single(problems));
    }

    [Fact]
    public async Task ASignedWebhookWithoutASecretIsNotSentUnsigned()
    {
        var sender = new WebhookSender(new NoClients(), new WebhookSecrets(new Dictionary<string, string>()), Options.Create(new OutboundHttpOptions()), TimeProvider.System);
        var subscription = WithHook("desk", signed: true);
        var digest = new Digest("desk", "Desk", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []);

        var error = await Assert.ThrowsAsync<DeliveryException>(() => sender.SendAsync(subscription, subscription.Webhooks[0], digest, "text", "msg_1"));

        Assert.Contains("set Monitor__WebhookSecrets__desk", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SignedIsReadFromTheSubscriptionsFile()
    {
        var subscriptions = SubscriptionLoader.Parse("""
            {"subscriptions":[{"id":"a","webhooks":[{"url":"https://hooks.example/1"},{"url":"https://hooks.example/2","signed":false}]}]}
            """, "subscriptions.json");

        Assert.Equal([true, false], subscriptions[0].Webhooks.Select(w => w.IsSigned));
    }

    private static Subscription WithHook(string id, bool signed)
        => new(id, id, [], 0) { Webhooks = [new WebhookTarget(new Uri("https://hooks.example/x"), WebhookFormat.Json, signed)] };

    private static IConfiguration Configuration(params (string Key, string Value)[] settings)
        => new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    /// <summary>Fails the test if the sender gets as far as asking for an HTTP client.</summary>
    private sealed class NoClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("the webhook was sent");
    }
}
