using NewsMonitor.Configuration;
using NewsMonitor.Feeds;
using NewsMonitor.Reading;

namespace NewsMonitor.Tests.Configuration;

public sealed class IdRuleTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 31, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, bool> Ids => new()
    {
        { "a plain id", "bbc-world", true },
        { "digits only", "2024", true },
        { "a digit first", "9news", true },
        { "exactly 64 characters", new string('a', 64), true },
        { "65 characters", new string('a', 65), false },
        { "70 characters, the feed id issue 16 found accepted by feeds.json and refused by ?feed=", new string('f', 70), false },
        { "a leading dash", "-world", false },
        { "upper case", "BBC", false },
        { "a space", "bbc world", false },
        { "an underscore, which day partitions start with", "_all_20250101", false },
        { "a non-ASCII letter", "café", false },
        { "empty", "", false },
    };

    [Theory]
    [MemberData(nameof(Ids))]
    public void TheRuleAcceptsLowerCaseAsciiLettersDigitsAndDashesUpToSixtyFourCharacters(string why, string id, bool valid)
    {
        Assert.True(IdRule.IsValid(id) == valid, why);
        Assert.True((IdRule.Problem(id) is null) == valid, why);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void AFeedIdThatFeedsJsonAcceptsIsAcceptedByTheFeedParameterAndNoOther(string why, string id, bool valid)
    {
        var json = $$"""{ "feeds": [{ "id": "{{id}}", "url": "https://a.example/feed" }] }""";
        var loaded = Record.Exception(() => FeedListLoader.Parse(json, "feeds.json")) is null;

        MatchQuery.Parse(new MatchQueryInput { Feeds = [id] }, Now, out var problems);

        Assert.True(loaded == valid, why);
        Assert.True((problems.Count == 0) == (valid || id.Length == 0), why);
    }

    [Fact]
    public void ALongIdIsNamedWithItsLength()
    {
        var problem = IdRule.Problem(new string('a', 70));

        Assert.Equal($"\"{new string('a', 70)}\" has 70 characters; an id has at most 64", problem);
    }
}
