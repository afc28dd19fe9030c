using System.Text;
using System.Text.Json.Nodes;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Tests.Watchlists;

public sealed class WatchlistEditTests
{
    private const string Document = """
        {
          // comments are allowed in the file
          "figures": [
            { "id": "donald-trump", "name": "Donald Trump", "aliases": ["Trump"] },
            { "id": "vladimir-putin", "name": "Vladimir Putin", "aliases": ["Putin"], "exclude": ["Putin Avenue"] }
          ],
          "topics": [ { "id": "sanctions", "name": "Sanctions", "query": "sanction*", "blockFeeds": ["wire"] } ],
          "alerts": [ { "id": "trump-putin-contact", "query": "@donald-trump NEAR/15 @vladimir-putin", "priority": "high" } ],
        }
        """;

    public static TheoryData<WatchlistExclusion, string, string, string[]> Edits => new()
    {
        { new("vladimir-putin", Phrase: " Putin Street "), "figures[1] (vladimir-putin).exclude += \"Putin Street\"", "figures/1/exclude", ["Putin Avenue", "Putin Street"] },
        { new("donald-trump", Phrase: "Trump Tower"), "figures[0] (donald-trump).exclude += \"Trump Tower\"", "figures/0/exclude", ["Trump Tower"] },
        { new("donald-trump", Phrase: "Trump Straße"), "figures[0] (donald-trump).exclude += \"Trump Straße\"", "figures/0/exclude", ["Trump Straße"] },
        { new("sanctions", FeedId: "tabloid"), "topics[0] (sanctions).blockFeeds += \"tabloid\"", "topics/0/blockFeeds", ["wire", "tabloid"] },
        { new("trump-putin-contact", FeedId: "tabloid"), "alerts[0] (trump-putin-contact).blockFeeds += \"tabloid\"", "alerts/0/blockFeeds", ["tabloid"] },
        { new("vladimir-putin", FeedId: "rt-com"), "figures[1] (vladimir-putin).blockFeeds += \"rt-com\"", "figures/1/blockFeeds", ["rt-com"] },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void AnExclusionAddsOneEntryAndChangesNothingElse(WatchlistExclusion exclusion, string line, string list, string[] entries)
    {
        var change = WatchlistEdit.Propose(Encoding.UTF8.GetBytes(Document), "watchlist.json", exclusion);

        Assert.Empty(change.Problems);
        Assert.Equal(line, change.Change);
        var before = JsonNode.Parse(change.Before)!;
        var after = JsonNode.Parse(change.After)!;
        Assert.Equal(entries, At(after, list)!.AsArray().Select(e => e!.GetValue<string>()));
        At(after, list)!.Parent!.AsObject().Remove(list.Split('/')[^1]);
        At(before, list)?.Parent!.AsObject().Remove(list.Split('/')[^1]);
        Assert.True(JsonNode.DeepEquals(before, after));
        WatchlistLoader.Parse(Encoding.UTF8.GetBytes(change.After), "after");
    }

    public static TheoryData<WatchlistExclusion, string> Refused => new()
    {
        { new("nobody", Phrase: "Nobody Street"), "entityId: \"nobody\" is not in the watchlist" },
        { new("sanctions", Phrase: "sanctions busting"), "phrase: topics[0] (sanctions) is a topic: only figures have an exclude list (block the feed, or narrow the query)" },
        { new("vladimir-putin", Phrase: "putin avenue"), "figures[1] (vladimir-putin).exclude already holds \"putin avenue\"" },
        { new("sanctions", FeedId: "wire"), "topics[0] (sanctions).blockFeeds already holds \"wire\"" },
        { new("vladimir-putin", Phrase: "Kremlin spokesman"), "phrase: \"Kremlin spokesman\" contains none of figures[1] (vladimir-putin)'s names, so excluding it would change nothing" },
        { new("vladimir-putin", Phrase: "Putin\nStreet"), "phrase: must be one line of at most 200 characters with at least one letter or digit" },
        { new("vladimir-putin", Phrase: "Putin " + new string('x', 200)), "phrase: must be one line of at most 200 characters with at least one letter or digit" },
        { new("vladimir-putin", Phrase: "--"), "phrase: must be one line of at most 200 characters with at least one letter or digit" },
        { new("vladimir-putin", FeedId: "Bad Feed"), "feedId: \"Bad Feed\" is not a feed id (lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters)" },
        { new("vladimir-putin"), "body: give either a phrase (for the figure's exclude list) or a feedId (for the entity's blockFeeds list), not both" },
        { new("vladimir-putin", "Putin Street", "wire"), "body: give either a phrase (for the figure's exclude list) or a feedId (for the entity's blockFeeds list), not both" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void ARefusedExclusionSaysWhyAndLeavesTheDocumentAsItWas(WatchlistExclusion exclusion, string problem)
    {
        var change = WatchlistEdit.Propose(Encoding.UTF8.GetBytes(Document), "watchlist.json", exclusion);

        Assert.Equal([problem], change.Problems);
        Assert.Equal(change.Before, change.After);
        Assert.False(change.Applied);
    }

    [Fact]
    public void AnEditThatBreaksValidationReportsTheLoadersProblems()
    {
        const string Broken = """{ "figures": [ { "id": "putin", "name": "Vladimir Putin", "aliases": "Putin" } ] }""";

        var change = WatchlistEdit.Propose(Encoding.UTF8.GetBytes(Broken), "watchlist.json", new("putin", FeedId: "wire"));

        Assert.Equal(["figures[0] (putin).aliases: must be an array of strings"], change.Problems);
        Assert.Contains("\"blockFeeds\"", change.After, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileThatIsNotJsonIsReportedNotEdited()
    {
        var change = WatchlistEdit.Propose("{ \"figures\": ["u8, "watchlist.json", new("putin", FeedId: "wire"));

        Assert.StartsWith("watchlist.json: not valid JSON", Assert.Single(change.Problems), StringComparison.Ordinal);
        Assert.Equal(string.Empty, change.After);
    }

    private static JsonNode? At(JsonNode root, string path)
        => path.Split('/').Aggregate<string, JsonNode?>(root, (node, step) => node is JsonArray array ? array[int.Parse(step, System.Globalization.CultureInfo.InvariantCulture)] : node?[step]);
}
