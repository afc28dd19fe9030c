using NewsMonitor.Backfill;
using NewsMonitor.Tests;

namespace NewsMonitor.Tests.Backfill;

public sealed class EntityFingerprintsTests
{
    private const string Base = """
        {
          "figures": [
            { "id": "graham-nkosi", "name": "Graham Nkosi", "aliases": ["Nkosi", "G. Nkosi"] },
            { "id": "ada-obi", "name": "Ada Obi", "aliases": ["Obi"] }
          ],
          "topics": [ { "id": "mining", "name": "Mining", "query": "mine OR mining" }, { "id": "nkosi-mining", "name": "Nkosi and mining", "query": "@graham-nkosi AND mining" } ],
          "alerts": [ { "id": "strike", "name": "Strike", "query": "strike NEAR/3 miners", "priority": "high" } ]
        }
        """;

    /// <summary>An edit of the base watchlist, and the entities whose matches it can change.</summary>
    public static TheoryData<string, string, string[]> Edits => new()
    {
        { "an alias added", Base.Replace("\"Nkosi\", \"G. Nkosi\"", "\"Nkosi\", \"G. Nkosi\", \"Mr Nkosi\"", StringComparison.Ordinal), ["graham-nkosi", "nkosi-mining"] },
        { "aliases reordered", Base.Replace("\"Nkosi\", \"G. Nkosi\"", "\"G. Nkosi\", \"Nkosi\"", StringComparison.Ordinal), [] },
        { "a name made case-sensitive", Base.Replace("\"aliases\": [\"Obi\"]", "\"aliases\": [\"Obi\"], \"caseSensitive\": [\"Obi\"]", StringComparison.Ordinal), ["ada-obi"] },
        { "an excluded phrase added", Base.Replace("\"aliases\": [\"Obi\"]", "\"aliases\": [\"Obi\"], \"exclude\": [\"Obi Wan\"]", StringComparison.Ordinal), ["ada-obi"] },
        { "a feed blocked for a figure", Base.Replace("\"aliases\": [\"Obi\"]", "\"aliases\": [\"Obi\"], \"blockFeeds\": [\"tabloid\"]", StringComparison.Ordinal), ["ada-obi"] },
        { "a topic query narrowed", Base.Replace("mine OR mining", "mining", StringComparison.Ordinal), ["mining"] },
        { "a topic renamed", Base.Replace("\"name\": \"Mining\"", "\"name\": \"Mines\"", StringComparison.Ordinal), [] },
        { "an alert's priority lowered", Base.Replace("\"priority\": \"high\"", "\"priority\": \"normal\"", StringComparison.Ordinal), [] },
        { "a feed blocked for an alert", Base.Replace("\"priority\": \"high\"", "\"priority\": \"high\", \"blockFeeds\": [\"wire\"]", StringComparison.Ordinal), ["strike"] },
        { "whitespace around a query", Base.Replace("\"mine OR mining\"", "\" mine OR mining \"", StringComparison.Ordinal), [] },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void OnlyAnEditThatCanChangeMatchesChangesAFingerprint(string edit, string edited, string[] changed)
    {
        var before = EntityFingerprints.Of(TestWatchlists.Parse(Base));

        var after = EntityFingerprints.Of(TestWatchlists.Parse(edited));

        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.True(changed.Order(StringComparer.Ordinal).SequenceEqual(after.Where(e => before[e.Key] != e.Value).Select(e => e.Key).Order(StringComparer.Ordinal)), edit);
    }

    [Fact]
    public void TheSameDefinitionGivesTheSameFingerprintInAnotherWatchlist()
    {
        var alone = EntityFingerprints.Of(TestWatchlists.Parse("""{ "figures": [ { "id": "ada-obi", "name": "Ada Obi", "aliases": ["Obi"] } ] }"""));

        var among = EntityFingerprints.Of(TestWatchlists.Parse(Base));

        Assert.Equal(alone["ada-obi"], among["ada-obi"]);
    }
}
