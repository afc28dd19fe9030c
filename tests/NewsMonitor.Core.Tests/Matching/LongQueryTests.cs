using System.Globalization;
using NewsMonitor.Articles;
using NewsMonitor.Matching;
using NewsMonitor.Watchlists;
using NewsMonitor.Watchlists.Queries;

namespace NewsMonitor.Tests.Matching;

/// <summary>
/// The loader refuses queries over <see cref="WatchlistLoader.MaxTermsPerQuery"/> terms (QueryLimitsTests); the engine
/// itself still copes with far longer ones, so a query that reaches it some other way cannot crash the process.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class LongQueryTests
{
    private const int TermCount = 50_000;

    private static readonly string EveryTerm = string.Join(' ', Enumerable.Range(0, TermCount).Select(Word));

    public static TheoryData<string, string> Separators => new()
    {
        { "OR", " OR " },
        { "AND", " AND " },
        { "adjacent terms", " " },
        { "NEAR chain", " NEAR/3 " },
    };

    public static TheoryData<string, string, bool> Shapes => new()
    {
        { "OR", " OR ", true },
        { "AND", " AND ", false },
        { "adjacent terms", " ", false },
        { "NEAR chain", " NEAR/3 ", false },
    };

    [Theory]
    [MemberData(nameof(Separators))]
    public void AFiftyThousandTermQueryParsesToOneFlatNodeThatComparesByValue(string shape, string separator)
    {
        var query = QueryParser.Parse(Query(separator));

        var operands = query switch
        {
            OrNode or => or.Operands,
            AndNode and => and.Operands,
            NearNode near => near.Operands,
            _ => [],
        };
        var again = QueryParser.Parse(Query(separator));
        var differentLast = QueryParser.Parse(Query(separator) + "x");
        Assert.True(operands.Count == TermCount && operands.All(o => o is TermNode), $"{shape}: {operands.Count} operands");
        Assert.Equal((query, query.GetHashCode()), (again, again.GetHashCode()));
        Assert.NotEqual(query, differentLast);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AFiftyThousandTermQueryMatchesAndExplainsWithoutCrashing(string shape, string separator, bool matchesTwoTerms)
    {
        var matcher = Matcher(Query(separator));
        var twoTerms = new ArticleText("Talks", "Only w7 and w8 appear in this article.");
        var allTerms = new ArticleText("Every term", EveryTerm);

        var matchOfTwo = matcher.Match(twoTerms);
        var matchOfAll = matcher.Match(allTerms);
        var explanation = Assert.Single(matcher.Explain(twoTerms));

        Assert.Equal((shape, matchesTwoTerms), (shape, matchOfTwo.Entities.Any(e => e.Id == "long")));
        Assert.Equal((shape, true), (shape, matchOfAll.Entities.Any(e => e.Id == "long")));
        Assert.Equal((matchesTwoTerms, TermCount), (explanation.Matched, explanation.Clause.Clauses.Count));
        Assert.Equal(["w7:True", "w8:True", "w9:False"], explanation.Clause.Clauses.Skip(7).Take(3).Select(c => $"{c.Clause}:{c.Matched}"));
    }

    [Fact]
    public void ALongNearChainKeepsTheSemanticsOfTheLeftFold()
    {
        // Each link asks for the next term within 3 words of the evidence so far: w0 … w49999 in order always qualifies,
        // and a gap of four words anywhere breaks the chain.
        var matcher = Matcher(Query(" NEAR/3 "));
        var withGap = new ArticleText("Gap", EveryTerm.Replace(" w25000 ", " one two three four w25000 ", StringComparison.Ordinal));

        var matched = matcher.Match(new ArticleText("Every term", EveryTerm));
        var broken = matcher.Match(withGap);

        Assert.Contains(matched.Entities, e => e.Id == "long");
        Assert.DoesNotContain(broken.Entities, e => e.Id == "long");
    }

    private static MentionMatcher Matcher(string queryText)
    {
        // Built without the loader, which would refuse a query this long.
        var topic = new QueryEntity("long", "Long", EntityKind.Topic, queryText, QueryParser.Parse(queryText), AlertPriority.Normal);
        return new MentionMatcher(new Watchlist([], [topic], [], "long"));
    }

    private static string Query(string separator) => string.Join(separator, Enumerable.Range(0, TermCount).Select(Word));

    private static string Word(int index) => "w" + index.ToString(CultureInfo.InvariantCulture);
}
