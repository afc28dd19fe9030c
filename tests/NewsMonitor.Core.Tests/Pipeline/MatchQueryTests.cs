using NewsMonitor.Pipeline;

namespace NewsMonitor.Tests.Pipeline;

public sealed class MatchQueryTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 31, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string[], string?, string?, string?, string> Problems => new()
    {
        { ["Donald Trump"], null, null, null, "entity: \"Donald Trump\" is not an entity id (lower-case letters, digits and '-')" },
        { ["nato", "NATO"], null, null, null, "entity: \"NATO\" is not an entity id (lower-case letters, digits and '-')" },
        { [new string('a', 65)], null, null, null, $"entity: \"{new string('a', 40)}…\" is not an entity id (lower-case letters, digits and '-')" },
        { [], "yesterday", null, null, "from: \"yesterday\" is not an ISO-8601 time or a duration like 7d" },
        { [], null, "tomorrow", null, "to: \"tomorrow\" is not an ISO-8601 time or a duration like 7d" },
        { [], null, "0001-01-01T00:00:00Z", null, "from: must be earlier than to" },
        { [], null, null, "0", "limit: \"0\" must be a whole number from 1 to 200" },
        { [], null, null, "201", "limit: \"201\" must be a whole number from 1 to 200" },
        { [], null, null, "-5", "limit: \"-5\" must be a whole number from 1 to 200" },
        { [], null, null, "1.5", "limit: \"1.5\" must be a whole number from 1 to 200" },
        { [], null, null, "ten", "limit: \"ten\" must be a whole number from 1 to 200" },
        { [], "1d", "2d", null, "from: must be earlier than to" },
        { [], "2025-03-01", "2025-03-01", null, "from: must be earlier than to" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void EachProblemNamesItsParameter(string[] entities, string? from, string? to, string? limit, string problem)
    {
        MatchQuery.Parse(entities, from, to, limit, Now, out var problems);

        Assert.Equal([problem], problems);
    }

    [Fact]
    public void EveryBadParameterIsReportedAtOnce()
    {
        MatchQuery.Parse(["Bad Id"], "soon", "later", "many", Now, out var problems);

        Assert.Equal(["entity:", "to:", "from:", "limit:"], problems.Select(p => p[..(p.IndexOf(':', StringComparison.Ordinal) + 1)]));
    }

    [Fact]
    public void DefaultsAreTheLastSevenDaysAndFiftyResults()
    {
        var query = MatchQuery.Parse([], null, null, null, Now, out var problems);

        Assert.Empty(problems);
        Assert.Equal(new MatchQuery(query.Entities, Now.AddDays(-7), Now, 50), query);
        Assert.Empty(query.Entities);
    }

    [Fact]
    public void EntitiesAreTrimmedDeduplicatedAndBlanksDropped()
    {
        var query = MatchQuery.Parse([" nato ", "nato", "", "  ", "donald-trump"], null, null, null, Now, out var problems);

        Assert.Empty(problems);
        Assert.Equal(["nato", "donald-trump"], query.Entities);
    }

    [Fact]
    public void ExplicitRangeAndLimitAreKept()
    {
        var query = MatchQuery.Parse(["nato"], "2025-03-01", "2d", "200", Now, out var problems);

        Assert.Empty(problems);
        Assert.Equal(
            (new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), Now.AddDays(-2), 200),
            (query.From, query.To, query.Limit));
    }

    [Fact]
    public void DefaultFromIsAWeekBeforeAnExplicitTo()
    {
        var query = MatchQuery.Parse([], null, "2025-03-10T00:00:00Z", null, Now, out var problems);

        Assert.Empty(problems);
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero), query.From);
    }
}
