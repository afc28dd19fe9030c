using System.Text;
using NewsMonitor.Watchlists;
using NewsMonitor.Watchlists.Queries;

namespace NewsMonitor.Tests.Watchlists;

public sealed class WatchlistLoaderTests
{
    private const string ValidDocument = """
        {
          // Comments and trailing commas are allowed: the file is edited by hand.
          "figures": [
            {
              "id": "donald-trump",
              "name": "Donald Trump",
              "aliases": ["Trump", "President Trump"],
              "caseSensitive": ["DJT"],
              "exclude": ["Donald Trump Jr"],
            },
            { "id": "vladimir-putin", "name": "  Vladimir Putin  " },
          ],
          "topics": [
            { "id": "nato", "name": "NATO", "query": "NATO OR \"North Atlantic Alliance\"" },
          ],
          "alerts": [
            { "id": "trump-putin", "query": "@donald-trump NEAR/15 @vladimir-putin", "priority": "HIGH" },
            { "id": "quiet", "name": "Quiet alert", "query": "title:truce" },
          ],
        }
        """;

    private const string ManyProblems = """
        {
          "figures": [
            { "id": "donald-trump", "name": "Donald Trump" },
            { "id": "donald-trump", "name": "Donald Trump again" },
            { "id": "Bad_Id", "name": "Bad" },
            { "id": "no-name" },
            { "id": "empty-alias", "name": "Empty Alias", "aliases": ["Alias", ""] }
          ],
          "topics": [
            { "id": "ok-topic", "query": "NATO" },
            { "id": "no-query" },
            { "id": "bad-syntax", "query": "(NATO OR Russia" },
            { "id": "unknown-figure", "query": "Iran sanctions* @nobody" }
          ],
          "alerts": [
            { "id": "bad-priority", "query": "NATO", "priority": "urgent" }
          ]
        }
        """;

    public static TheoryData<string, string> SingleProblems => new()
    {
        { "[]", "the document must be an object with \"figures\", \"topics\" and \"alerts\"" },
        { """{ "figures": {} }""", "figures: must be an array" },
        { """{ "topics": "NATO" }""", "topics: must be an array" },
        { """{ "figures": ["Donald Trump"] }""", "figures[0]: must be an object" },
        { """{ "topics": [42] }""", "topics[0]: must be an object" },
        { """{ "figures": [{ "name": "Nobody" }] }""", "figures[0].id: missing" },
        { """{ "figures": [{ "id": "", "name": "Nobody" }] }""", "figures[0].id: must be a non-empty string" },
        { """{ "figures": [{ "id": "-leading-dash", "name": "X" }] }""", "figures[0].id: \"-leading-dash\" must be lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters" },
        { """{ "figures": [{ "id": "has space", "name": "X" }] }""", "figures[0].id: \"has space\" must be lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters" },
        { $$"""{ "figures": [{ "id": "{{new string('a', 65)}}", "name": "X" }] }""", $"figures[0].id: \"{new string('a', 65)}\" has 65 characters; an id has at most 64" },
        { """{ "figures": [{ "id": "x", "name": "---" }] }""", "figures[0] (x).name: must contain at least one letter or digit" },
        { """{ "figures": [{ "id": "x", "name": 42 }] }""", "figures[0] (x).name: must be a non-empty string" },
        { """{ "figures": [{ "id": "x", "name": "X", "aliases": "Ex" }] }""", "figures[0] (x).aliases: must be an array of strings" },
        { """{ "figures": [{ "id": "x", "name": "X", "aliases": ["  "] }] }""", "figures[0] (x).aliases[0]: must be a non-empty name with at least one letter or digit" },
        { """{ "figures": [{ "id": "x", "name": "X", "caseSensitive": [7] }] }""", "figures[0] (x).caseSensitive[0]: must be a non-empty name with at least one letter or digit" },
        { """{ "figures": [{ "id": "x", "name": "X", "exclude": ["..."] }] }""", "figures[0] (x).exclude[0]: must be a non-empty name with at least one letter or digit" },
        { """{ "figures": [{ "id": "nato", "name": "Nato" }], "topics": [{ "id": "nato", "query": "NATO" }] }""", "topics[0].id: duplicate id \"nato\"" },
        { """{ "topics": [{ "id": "t", "query": "" }] }""", "topics[0] (t).query: must be a non-empty string" },
        { """{ "topics": [{ "id": "t", "query": "@nobody" }] }""", "topics[0] (t).query, col 1: unknown figure @nobody" },
        { """{ "topics": [{ "id": "t", "query": "a NEAR/0 b" }] }""", "topics[0] (t).query, col 8: expected a distance from 1 to 1000 after NEAR/" },
        { """{ "alerts": [{ "id": "a", "query": "x", "priority": "urgent" }] }""", "alerts[0] (a).priority: \"urgent\" is not one of \"normal\", \"high\"" },
        { """{ "alerts": [{ "id": "a", "query": "x", "priority": "1" }] }""", "alerts[0] (a).priority: \"1\" is not one of \"normal\", \"high\"" },
        { """{ "alerts": [{ "id": "a", "query": "x", "priority": "normal, high" }] }""", "alerts[0] (a).priority: \"normal, high\" is not one of \"normal\", \"high\"" },
    };

    [Fact]
    public void ValidDocumentYieldsEveryFigureTopicAndAlert()
    {
        var watchlist = TestWatchlists.Parse(ValidDocument);

        var trump = watchlist.Figures[0];
        Assert.Equal(("donald-trump", "Donald Trump"), (trump.Id, trump.Name));
        Assert.Equal(["Trump", "President Trump"], trump.Aliases);
        Assert.Equal(["DJT"], trump.CaseSensitive);
        Assert.Equal(["Donald Trump Jr"], trump.Exclude);
        Assert.Equal(["Donald Trump", "Trump", "President Trump"], trump.Names);
        Assert.Equal(("vladimir-putin", "Vladimir Putin"), (watchlist.Figures[1].Id, watchlist.Figures[1].Name));
        Assert.Equal(
            [new QueryEntity("nato", "NATO", EntityKind.Topic, "NATO OR \"North Atlantic Alliance\"", new OrNode([new TermNode("NATO", false, false), new TermNode("North Atlantic Alliance", false, false)]), AlertPriority.Normal)],
            watchlist.Topics);
        Assert.Equal(
            [
                new QueryEntity("trump-putin", "trump-putin", EntityKind.Alert, "@donald-trump NEAR/15 @vladimir-putin", new NearNode([new FigureNode("donald-trump", 1), new FigureNode("vladimir-putin", 23)], [15]), AlertPriority.High),
                new QueryEntity("quiet", "Quiet alert", EntityKind.Alert, "title:truce", new TermNode("truce", false, true), AlertPriority.Normal),
            ],
            watchlist.Alerts);
    }

    [Fact]
    public void AFileSavedWithAByteOrderMarkLoads()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ValidDocument)).ToArray();

        var watchlist = WatchlistLoader.Parse(bytes, "watchlist.json");

        Assert.Equal(TestWatchlists.Parse(ValidDocument).EntityIds, watchlist.EntityIds);
    }

    [Fact]
    public void NamesListsEveryEntityById()
    {
        var watchlist = TestWatchlists.Parse(ValidDocument);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["donald-trump"] = "Donald Trump",
                ["vladimir-putin"] = "Vladimir Putin",
                ["nato"] = "NATO",
                ["trump-putin"] = "trump-putin",
                ["quiet"] = "Quiet alert",
            },
            watchlist.Names);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var error = TestWatchlists.Problems(ManyProblems);

        Assert.Equal(
            [
                "figures[1].id: duplicate id \"donald-trump\"",
                "figures[2].id: \"Bad_Id\" must be lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters",
                "figures[3] (no-name).name: missing",
                "figures[4] (empty-alias).aliases[1]: must be a non-empty name with at least one letter or digit",
                "topics[1] (no-query).query: missing",
                "topics[2] (bad-syntax).query, col 16: expected ')'",
                "topics[3] (unknown-figure).query, col 17: unknown figure @nobody",
                "alerts[0] (bad-priority).priority: \"urgent\" is not one of \"normal\", \"high\"",
            ],
            error.Problems);
    }

    [Fact]
    public void ExceptionMessageNamesTheSourceAndListsEveryProblemOnItsOwnLine()
    {
        var error = TestWatchlists.Problems(ManyProblems);

        var lines = error.Message.Split(Environment.NewLine);
        Assert.Equal("inline.json: 8 problem(s) in the watchlist:", lines[0]);
        Assert.Equal(error.Problems.Select(p => "  " + p), lines.Skip(1));
        Assert.Equal(TestWatchlists.Source, error.Input);
    }

    [Theory]
    [MemberData(nameof(SingleProblems))]
    public void EachKindOfProblemIsReportedWithItsPath(string json, string problem)
    {
        var error = TestWatchlists.Problems(json);

        Assert.Contains(problem, error.Problems);
    }

    [Fact]
    public void InvalidJsonIsReportedWithItsLine()
    {
        var error = TestWatchlists.Problems("{\n  \"figures\": [\n    { \"id\": \"x\" \n  ]\n}");

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("not valid JSON (line 4, byte ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSectionsMeanAnEmptyWatchlist()
    {
        var watchlist = TestWatchlists.Parse("{}");

        Assert.Empty(watchlist.Figures);
        Assert.Empty(watchlist.Topics);
        Assert.Empty(watchlist.Alerts);
    }

    [Fact]
    public void VersionIsTwelveLowerHexDigitsAndStableForTheSameBytes()
    {
        var first = TestWatchlists.Parse(ValidDocument).Version;

        var second = TestWatchlists.Parse(ValidDocument).Version;

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{12}$", first);
    }

    [Theory]
    [InlineData(ValidDocument + " ")]
    [InlineData("\n" + ValidDocument)]
    public void VersionChangesWhenTheBytesChange(string changed)
    {
        var original = TestWatchlists.Parse(ValidDocument).Version;

        var version = TestWatchlists.Parse(changed).Version;

        Assert.NotEqual(original, version);
    }

    [Fact]
    public void SeedWatchlistLoadsWithoutProblems()
    {
        var watchlist = WatchlistLoader.Parse(File.ReadAllBytes(TestFiles.PathOf(TestFiles.SeedWatchlist)), TestFiles.SeedWatchlist);

        Assert.Equal((19, 12, 3), (watchlist.Figures.Count, watchlist.Topics.Count, watchlist.Alerts.Count));
        Assert.Equal(AlertPriority.High, watchlist.Alerts.Single(a => a.Id == "trump-putin-contact").Priority);
    }

    [Fact]
    public void ParseReadsUtf8Bytes()
    {
        var bytes = Encoding.UTF8.GetBytes("""{ "figures": [{ "id": "recep-tayyip-erdogan", "name": "Recep Tayyip Erdoğan" }] }""");

        var watchlist = WatchlistLoader.Parse(bytes, "utf8.json");

        Assert.Equal("Recep Tayyip Erdoğan", watchlist.Figures[0].Name);
    }
}
