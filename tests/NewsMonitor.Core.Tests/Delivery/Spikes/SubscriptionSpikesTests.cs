using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Delivery.Spikes;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Tests.Delivery.Spikes;

public sealed class SubscriptionSpikesTests
{
    public static TheoryData<string, SpikeSettings?> Settings => new()
    {
        { string.Empty, null },
        { "\"spikes\": null,", null },
        { "\"spikes\": \"medium\",", new SpikeSettings(SpikeSensitivity.Medium, 10) },
        { "\"spikes\": { \"sensitivity\": \"high\", \"minCount\": 10 },", new SpikeSettings(SpikeSensitivity.High, 10) },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void ASubscriptionAsksForSpikeAlertsOnlyWithASpikesSetting(string option, SpikeSettings? expected)
    {
        var json = $$"""{ "subscriptions": [{ {{option}} "id": "desk" }] }""";

        var subscription = Assert.Single(SubscriptionLoader.Parse(json, "subscriptions.json"));

        Assert.Equal(expected, subscription.Spikes);
    }

    [Fact]
    public void BadSpikeSettingsAreNamedWithTheirSubscription()
    {
        const string json = """{ "subscriptions": [{ "id": "desk", "spikes": "loud" }, { "id": "night", "spikes": { "minCount": -1, "window": 3 } }] }""";

        var error = Assert.Throws<ConfigFileException>(() => SubscriptionLoader.Parse(json, "subscriptions.json"));

        Assert.Equal(
            [
                "subscriptions[0] (desk).spikes: \"loud\" is not low, medium, high or { \"sensitivity\": \"medium\", \"minCount\": 10 }",
                "subscriptions[1] (night).spikes.minCount: -1 is not a whole number from 1 to 100000",
                "subscriptions[1] (night).spikes.window: unknown key; the keys here are \"sensitivity\", \"minCount\"",
            ],
            error.Problems);
    }

    public static TheoryData<string, string, EntityKind, bool> Follows => new()
    {
        { "every entity", """{ "id": "s" }""", EntityKind.Topic, true },
        { "one of its entities", """{ "id": "s", "entities": ["vladimir-putin"] }""", EntityKind.Figure, true },
        { "not one of its entities", """{ "id": "s", "entities": ["nato"] }""", EntityKind.Figure, false },
        { "a kind it asks for", """{ "id": "s", "kinds": ["figure"] }""", EntityKind.Figure, true },
        { "a kind it does not ask for", """{ "id": "s", "kinds": ["topic"] }""", EntityKind.Figure, false },
    };

    [Theory]
    [MemberData(nameof(Follows))]
    public void ASubscriptionFollowsItsEntitiesOfItsKinds(string situation, string entry, EntityKind kind, bool expected)
    {
        var subscription = Assert.Single(SubscriptionLoader.Parse($$"""{ "subscriptions": [{{entry}}] }""", "subscriptions.json"));

        Assert.True(expected == subscription.Follows("vladimir-putin", kind), situation);
    }
}
