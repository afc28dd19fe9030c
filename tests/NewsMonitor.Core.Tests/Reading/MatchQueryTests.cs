using NewsMonitor.Reading;

namespace NewsMonitor.Tests.Reading;

public sealed class MatchQueryTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 31, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string[], string?, string?, string?, string> Problems => new()
    {
        { ["Donald Trump"], null, null, null, "entity: \"Donald Trump\" is not an entity id (lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters)" },
        { ["nato", "NATO"], null, null, null, "entity: \"NATO\" is not an entity id (lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters)" },
        { [new string('a', 65)], null, null, null, $"entity: \"{new string('a', 40)}…\" is not an entity id (lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters)" },
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
        MatchQuery.Parse(new MatchQueryInput { Entities = entities, From = from, To = to, Limit = limit }, Now, out var problems);

        Assert.Equal([problem], problems);
    }

    [Fact]
    public void EveryBadParameterIsReportedAtOnce()
    {
        MatchQuery.Parse(new MatchQueryInput { Entities = ["Bad Id"], From = "soon", To = "later", Limit = "many" }, Now, out var problems);

        Assert.Equal(["entity:", "to:", "from:", "limit:"], problems.Select(p => p[..(p.IndexOf(':', StringComparison.Ordinal) + 1)]));
    }

    [Fact]
    public void DefaultsAreTheLastSevenDaysAndFiftyResults()
    {
        var query = MatchQuery.Parse(new MatchQueryInput { Entities = [], From = null, To = null, Limit = null }, Now, out var problems);

        Assert.Empty(problems);
        Assert.Equal((Now.AddDays(-7), Now, 50), (query.From, query.To, query.Limit));
        Assert.Empty(query.Kinds);
        Assert.Empty(query.Feeds);
        Assert.Empty(query.Words);
        Assert.False(query.All || query.ByScore);
        Assert.Null(query.After);
        Assert.Empty(query.Entities);
    }

    [Fact]
    public void EntitiesAreTrimmedDeduplicatedAndBlanksDropped()
    {
        var query = MatchQuery.Parse(new MatchQueryInput { Entities = [" nato ", "nato", "", "  ", "donald-trump"], From = null, To = null, Limit = null }, Now, out var problems);

        Assert.Empty(problems);
        Assert.Equal(["nato", "donald-trump"], query.Entities);
    }

    [Fact]
    public void ExplicitRangeAndLimitAreKept()
    {
        var query = MatchQuery.Parse(new MatchQueryInput { Entities = ["nato"], From = "2025-03-01", To = "2d", Limit = "200" }, Now, out var problems);

        Assert.Empty(problems);
        Assert.Equal(
            (new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), Now.AddDays(-2), 200),
            (query.From, query.To, query.Limit));
    }

    [Fact]
    public void DefaultFromIsAWeekBeforeAnExplicitTo()
    {
        var query = MatchQuery.Parse(new MatchQueryInput { Entities = [], From = null, To = "2025-03-10T00:00:00Z", Limit = null }, Now, out var problems);

        Assert.Empty(problems);
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero), query.From);
    }

    public static TheoryData<string, string> NewProblems => new()
    {
        { "kind", "kind: \"person\" is not one of figure, topic, alert" },
        { "feed", "feed: \"Bad Feed\" is not a feed id (lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters)" },
        { "minScore", "minScore: \"2\" must be a number from 0 to 1" },
        { "all", "all: needs at least two entity parameters" },
        { "sort", "sort: \"random\" is not one of time, score" },
        { "continuation", "continuation: not a token this API returned (or from a query with another sort)" },
        { "q", "q: needs from 1 to 20 words" },
    };

    [Theory]
    [MemberData(nameof(NewProblems))]
    public void EveryFilterNamesItsParameterWhenWrong(string parameter, string problem)
    {
        var input = parameter switch
        {
            "kind" => new MatchQueryInput { Kinds = ["person"] },
            "feed" => new MatchQueryInput { Feeds = ["Bad Feed"] },
            "minScore" => new MatchQueryInput { MinScore = "2" },
            "all" => new MatchQueryInput { Entities = ["nato"], All = "true" },
            "sort" => new MatchQueryInput { Sort = "random" },
            "continuation" => new MatchQueryInput { Continuation = "'; DROP TABLE--" },
            _ => new MatchQueryInput { Words = "!!!" },
        };

        MatchQuery.Parse(input, Now, out var problems);

        Assert.Equal([problem], problems);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("∞")]
    [InlineData("-0.5")]
    public void AMinimumScoreThatIsNotAFiniteNumberFromZeroToOneIsRefused(string minScore)
    {
        MatchQuery.Parse(new MatchQueryInput { MinScore = minScore }, Now, out var problems);

        Assert.Equal([$"minScore: \"{minScore}\" must be a number from 0 to 1"], problems);
    }

    [Fact]
    public void ACategoryIsTrimmedPerFolderAndAnEmptyFolderRefused()
    {
        var query = MatchQuery.Parse(new MatchQueryInput { Categories = [" News / World "] }, Now, out var problems);
        MatchQuery.Parse(new MatchQueryInput { Categories = ["News//World"] }, Now, out var bad);

        Assert.Empty(problems);
        Assert.Equal(["News/World"], query.Filter.Categories);
        Assert.Equal(["category: \"News//World\" has an empty folder name between '/'"], bad);
    }

    [Fact]
    public void AContinuationTokenRoundTripsAndIsTiedToItsSort()
    {
        var rowKey = "2518975999999999999_" + new string('a', 32);
        var token = MatchQuery.Continuation(false, rowKey);

        var query = MatchQuery.Parse(new MatchQueryInput { Continuation = token }, Now, out var problems);
        MatchQuery.Parse(new MatchQueryInput { Continuation = token, Sort = "score" }, Now, out var byScore);

        Assert.Empty(problems);
        Assert.Equal(rowKey, query.After);
        Assert.Single(byScore);
    }
}
