using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Digests;

namespace NewsMonitor.Tests.Delivery.Digests;

public sealed class SubscriptionLoaderTests
{
    public static TheoryData<string, string[]> Problems => new()
    {
        { """{ "subscriptions": [{ "id": "Morning Brief" }] }""", ["subscriptions[0].id: \"Morning Brief\" must be lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters"] },
        { """{ "subscriptions": [{ "name": "No id" }] }""", ["subscriptions[0].id: is missing; an id is lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters"] },
        { """{ "subscriptions": [{ "id": "a" }, { "id": "a" }] }""", ["subscriptions[1].id: duplicate id \"a\""] },
        { """{ "subscriptions": [{ "id": "a", "minScore": 1.5 }] }""", ["subscriptions[0] (a).minScore: must be between 0 and 1"] },
        { """{ "subscriptions": [{ "id": "a", "minScore": -0.1 }] }""", ["subscriptions[0] (a).minScore: must be between 0 and 1"] },
        { """{ "subscriptions": [null] }""", ["subscriptions[0]: must be an object"] },
        {
            """{ "subscriptions": [{ "id": "A" }, { "id": "b", "minScore": 2 }] }""",
            [
                "subscriptions[0].id: \"A\" must be lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters",
                "subscriptions[1] (b).minScore: must be between 0 and 1",
            ]
        },
    };

    [Fact]
    public void ValidFileYieldsEverySubscriptionWithDefaults()
    {
        const string json = """
            {
              "subscriptions": [
                { "id": "morning", "name": "Morning brief", "entities": ["donald-trump", "nato"], "minScore": 0.4 },
                { "id": "everything" },
              ]
            }
            """;

        var subscriptions = SubscriptionLoader.Parse(json, "subscriptions.json");

        Assert.Equal(2, subscriptions.Count);
        Assert.Equal(("morning", "Morning brief", 0.4), (subscriptions[0].Id, subscriptions[0].Name, subscriptions[0].MinScore));
        Assert.Equal(["donald-trump", "nato"], subscriptions[0].Entities);
        Assert.Equal(("everything", "everything", 0.0), (subscriptions[1].Id, subscriptions[1].Name, subscriptions[1].MinScore));
        Assert.Empty(subscriptions[1].Entities);
    }

    [Theory]
    [InlineData(""" "includeBackfilled": true, """, true)]
    [InlineData(""" "includeBackfilled": false, """, false)]
    [InlineData("", false)]
    public void BackfilledMatchesAreLeftOutUnlessTheSubscriptionIncludesThem(string option, bool included)
    {
        var json = $$"""{ "subscriptions": [{ {{option}} "id": "a" }] }""";

        var subscription = Assert.Single(SubscriptionLoader.Parse(json, "subscriptions.json"));

        Assert.Equal(included, subscription.IncludeBackfilled);
    }

    [Fact]
    public void AMisspeltIncludeBackfilledIsNamedWithTheKeyItMeant()
    {
        var error = Assert.Throws<ConfigFileException>(() => SubscriptionLoader.Parse("""{ "subscriptions": [{ "id": "a", "includeBackfill": true }] }""", "subscriptions.json"));

        Assert.Contains("subscriptions[0] (a).includeBackfill: unknown key — did you mean \"includeBackfilled\"?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIncludeBackfilledThatIsNotTrueOrFalseIsRejected()
    {
        var error = Assert.Throws<InvalidDataException>(() => SubscriptionLoader.Parse("""{ "subscriptions": [{ "id": "a", "includeBackfilled": "yes" }] }""", "subscriptions.json"));

        Assert.Contains("subscriptions.json: not a valid subscriptions file", error.Message, StringComparison.Ordinal);
        Assert.Contains("includeBackfilled", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    public void ScoreBoundsAreAllowed(string minScore)
    {
        var json = $$"""{ "subscriptions": [{ "id": "a", "minScore": {{minScore}} }] }""";

        var subscription = Assert.Single(SubscriptionLoader.Parse(json, "subscriptions.json"));

        Assert.Equal(double.Parse(minScore, System.Globalization.CultureInfo.InvariantCulture), subscription.MinScore);
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void BadEntriesAreReportedTogetherWithTheirPath(string json, string[] problems)
    {
        var error = Assert.Throws<ConfigFileException>(() => SubscriptionLoader.Parse(json, "subscriptions.json"));

        Assert.Equal(problems, error.Problems);
    }

    [Fact]
    public void InvalidJsonNamesTheSource()
    {
        var error = Assert.Throws<InvalidDataException>(() => SubscriptionLoader.Parse("""{ "subscriptions": [{ "id": "a", "minScore": "high" }] }""", "subscriptions.json"));

        Assert.StartsWith("subscriptions.json: not a valid subscriptions file (", error.Message, StringComparison.Ordinal);
    }
}
