using System.Globalization;
using NewsMonitor.Watchlists;
using NewsMonitor.Watchlists.Queries;

namespace NewsMonitor.Tests.Watchlists;

/// <summary>No watchlist can crash the process: nesting is bounded by the parser, length by the loader.</summary>
[Trait("Category", "Reliability")]
public sealed class QueryLimitsTests
{
    private const string TooDeep = "nested too deeply: at most 32 levels of '(' and NOT may enclose a term";

    public static TheoryData<string, string> WithinTheDepthLimit => new()
    {
        { "32 nested parentheses", Repeat("(", 32) + "a" + Repeat(")", 32) },
        { "32 NOTs in a row", Repeat("NOT ", 32) + "a" },
        { "16 parentheses each opened after a NOT", Repeat("NOT (", 16) + "a" + Repeat(")", 16) },
        { "32 levels beside each other, never deeper", string.Join(" OR ", Enumerable.Repeat(Repeat("(", 32) + "a" + Repeat(")", 32), 100)) },
    };

    public static TheoryData<string, string, int> BeyondTheDepthLimit => new()
    {
        { "33 nested parentheses", Repeat("(", 33) + "a" + Repeat(")", 33), 33 },
        { "33 NOTs in a row", Repeat("NOT ", 33) + "a", 129 },
        { "17 parentheses each opened after a NOT", Repeat("NOT (", 17) + "a" + Repeat(")", 17), 81 },
        { "50,000 nested parentheses", Repeat("(", 50_000) + "a" + Repeat(")", 50_000), 33 },
        { "50,000 unclosed parentheses", Repeat("(", 50_000), 33 },
        { "50,000 NOTs", Repeat("NOT ", 50_000) + "a", 129 },
        { "50,000 NOT( pairs", Repeat("NOT(", 50_000) + "a", 65 },
    };

    public static TheoryData<string, string> FiftyThousandTermShapes => new()
    {
        { "OR", " OR " },
        { "AND", " AND " },
        { "adjacent terms", " " },
        { "NEAR chain", " NEAR/3 " },
    };

    [Theory]
    [MemberData(nameof(WithinTheDepthLimit))]
    public void QueriesUpToTheDepthLimitParse(string shape, string query)
    {
        var parsed = QueryParser.Parse(query);

        Assert.True(QueryNode.Leaves(parsed).All(leaf => leaf == new TermNode("a", false, false)), shape);
    }

    [Theory]
    [MemberData(nameof(BeyondTheDepthLimit))]
    public void DeeperNestingIsASyntaxErrorAtTheLevelThatExceedsTheLimit(string shape, string query, int column)
    {
        var error = Record.Exception(() => QueryParser.Parse(query));

        Assert.True(error is QuerySyntaxException { Reason: TooDeep } syntax && syntax.Column == column, $"{shape}: {error}");
    }

    [Fact]
    public void TheLoaderReportsTooDeepNestingWithTheEntityAndColumn()
    {
        var json = Watchlist("deep", Repeat("(", 50_000) + "a" + Repeat(")", 50_000));

        var error = TestWatchlists.Problems(json);

        Assert.Equal([$"topics[0] (deep).query, col 33: {TooDeep}"], error.Problems);
    }

    [Theory]
    [MemberData(nameof(FiftyThousandTermShapes))]
    public void TheLoaderRefusesAFiftyThousandTermQueryNamingTheEntityAndTheCount(string shape, string separator)
    {
        var json = Watchlist("long", Terms(50_000, separator));

        var error = TestWatchlists.Problems(json);

        Assert.True(
            error.Problems.SequenceEqual(["topics[0] (long).query: 50,000 terms and @figures; a query may hold at most 1,024 (split it into several topics or alerts)"]),
            $"{shape}: {error.Message}");
    }

    [Fact]
    public void TheLoaderCountsFiguresAsTermsAndAcceptsExactlyTheCap()
    {
        var atTheCap = $$"""{ "figures": [{ "id": "x", "name": "Xavier" }], "topics": [{ "id": "t", "query": "@x OR {{Terms(WatchlistLoader.MaxTermsPerQuery - 1, " OR ")}}" }] }""";
        var overTheCap = $$"""{ "figures": [{ "id": "x", "name": "Xavier" }], "topics": [{ "id": "t", "query": "@x OR {{Terms(WatchlistLoader.MaxTermsPerQuery, " OR ")}}" }] }""";

        var accepted = TestWatchlists.Parse(atTheCap);
        var refused = TestWatchlists.Problems(overTheCap);

        Assert.Equal(1024, QueryNode.Leaves(accepted.Topics[0].Query).Count());
        Assert.Equal(["topics[0] (t).query: 1,025 terms and @figures; a query may hold at most 1,024 (split it into several topics or alerts)"], refused.Problems);
    }

    private static string Terms(int count, string separator)
        => string.Join(separator, Enumerable.Range(0, count).Select(i => "w" + i.ToString(CultureInfo.InvariantCulture)));

    private static string Watchlist(string id, string query) => $$"""{ "topics": [{ "id": "{{id}}", "query": "{{query}}" }] }""";

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
}
