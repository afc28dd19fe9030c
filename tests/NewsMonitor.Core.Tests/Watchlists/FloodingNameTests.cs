using NewsMonitor.Articles;

namespace NewsMonitor.Tests.Watchlists;

/// <summary>A name or alias that would match almost every article (one letter, a stop word) is refused unless listed case-sensitively.</summary>
[Trait("Category", "Reliability")]
public sealed class FloodingNameTests
{
    private const string Advice = "list it in \"caseSensitive\" to match only that spelling, or remove it";

    public static TheoryData<string, string> Refused => new()
    {
        { """{ "id": "acme", "name": "Acme", "aliases": ["Acme Corp", "The"] }""", $"figures[0] (acme).aliases[1]: \"The\" would match almost every article (a stop word); {Advice}" },
        { """{ "id": "x", "name": "X" }""", $"figures[0] (x).name: \"X\" would match almost every article (a single letter); {Advice}" },
        { """{ "id": "acme", "name": "Acme", "aliases": ["a"] }""", "figures[0] (acme).aliases[0]: \"a\" would match almost every article (a single letter); list \"A\" in \"caseSensitive\" to match only that spelling, or remove it" },
        { """{ "id": "acme", "name": "Acme", "aliases": ["7"] }""", $"figures[0] (acme).aliases[0]: \"7\" would match almost every article (a single character); list \"7\" in \"caseSensitive\" to match only that spelling, or remove it" },
        { """{ "id": "usa", "name": "United States", "aliases": ["us"] }""", "figures[0] (usa).aliases[0]: \"us\" would match almost every article (a stop word); list \"US\" in \"caseSensitive\" to match only that spelling, or remove it" },
        { """{ "id": "usa", "name": "United States", "aliases": ["US"] }""", $"figures[0] (usa).aliases[0]: \"US\" would match almost every article (a stop word); {Advice}" },
        { """{ "id": "who", "name": "World Health Organization", "aliases": ["WHO"] }""", $"figures[0] (who).aliases[0]: \"WHO\" would match almost every article (a stop word); {Advice}" },
        { """{ "id": "de", "name": "Deutschland", "aliases": ["Die"] }""", $"figures[0] (de).aliases[0]: \"Die\" would match almost every article (a stop word); {Advice}" },
        { """{ "id": "fr", "name": "France", "aliases": ["Les"] }""", $"figures[0] (fr).aliases[0]: \"Les\" would match almost every article (a stop word); {Advice}" },
        { """{ "id": "es", "name": "España", "aliases": ["El"] }""", $"figures[0] (es).aliases[0]: \"El\" would match almost every article (a stop word); {Advice}" },
        { """{ "id": "it", "name": "Italia", "aliases": ["Il"] }""", $"figures[0] (it).aliases[0]: \"Il\" would match almost every article (a stop word); {Advice}" },
        { """{ "id": "pt", "name": "Portugal", "aliases": ["Não"] }""", $"figures[0] (pt).aliases[0]: \"Não\" would match almost every article (a stop word); {Advice}" },
        { """{ "id": "nl", "name": "Nederland", "aliases": ["Het"] }""", $"figures[0] (nl).aliases[0]: \"Het\" would match almost every article (a stop word); {Advice}" },
        { """{ "id": "uber", "name": "Uber Technologies", "aliases": ["Uber"] }""", $"figures[0] (uber).aliases[0]: \"Uber\" would match almost every article (to the matcher it is the stop word \"über\"); {Advice}" },
        { """{ "id": "usa", "name": "United States", "caseSensitive": ["us"] }""", "figures[0] (usa).caseSensitive[0]: \"us\" would match almost every article even in exactly this spelling (a stop word); list \"US\" instead, or remove it" },
        { """{ "id": "acme", "name": "Acme", "aliases": ["The"], "caseSensitive": ["the"] }""", $"figures[0] (acme).aliases[0]: \"The\" would match almost every article (a stop word); {Advice}" },
    };

    public static TheoryData<string> Accepted => new()
    {
        """{ "id": "usa", "name": "United States", "aliases": ["US"], "caseSensitive": ["US"] }""",
        """{ "id": "usa", "name": "United States", "caseSensitive": ["US"] }""",
        """{ "id": "x", "name": "X", "caseSensitive": ["X"] }""",
        """{ "id": "who", "name": "World Health Organization", "caseSensitive": ["WHO"] }""",
        """{ "id": "usa", "name": "United States", "aliases": ["U.S.", "The States"] }""",
        """{ "id": "acme", "name": "Acme", "aliases": ["Acme Corp"], "caseSensitive": ["ACME"] }""",
        """{ "id": "acme", "name": "Acme", "exclude": ["The"] }""",
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void AFloodingNameIsRefusedWithTheReasonAndTheWayOut(string figure, string problem)
    {
        var error = TestWatchlists.Problems($$"""{ "figures": [{{figure}}] }""");

        Assert.Contains(problem, error.Problems);
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void ANameListedCaseSensitivelyWithACapitalOrOfSeveralWordsIsAccepted(string figure)
    {
        var watchlist = TestWatchlists.Parse($$"""{ "figures": [{{figure}}] }""");

        Assert.Single(watchlist.Figures);
    }

    [Theory]
    [InlineData("X posted a new rule.", true)]
    [InlineData("The x axis shows time.", false)]
    [InlineData("An X-ray was taken.", true)]
    public void AOneLetterNameListedCaseSensitivelyMatchesOnlyThatSpelling(string body, bool expected)
    {
        var matcher = TestWatchlists.Matcher("""{ "figures": [{ "id": "x", "name": "X", "caseSensitive": ["X"] }] }""");

        var result = matcher.Match(new ArticleText(string.Empty, body));

        Assert.Equal(expected, result.Entities.Any(e => e.Id == "x"));
    }

    [Theory]
    [InlineData("The US imposed tariffs.", true)]
    [InlineData("Tell us more.", false)]
    public void AStopWordAliasListedCaseSensitivelyMatchesOnlyThatSpelling(string body, bool expected)
    {
        var matcher = TestWatchlists.Matcher("""{ "figures": [{ "id": "usa", "name": "United States", "aliases": ["US"], "caseSensitive": ["US"] }] }""");

        var result = matcher.Match(new ArticleText(string.Empty, body));

        Assert.Equal(expected, result.Entities.Any(e => e.Id == "usa"));
    }
}
