using NewsMonitor.Feeds;
using NewsMonitor.Reading;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Tests.Reading;

/// <summary><see cref="MatchFilter"/>: the one filter listings, digests and alerts apply to an index row.</summary>
public sealed class MatchFilterTests
{
    private static readonly MatchFilter Any = new([], 0, [], []);

    private static readonly MatchIndexRow NatoRow = new() { PartitionKey = "nato", Kind = "topic", Score = 0.5, FeedId = "bbc", EntityDetails = "nato|topic|2|0.5" };

    private static readonly MatchIndexRow DayRow = new()
    {
        PartitionKey = MatchIndexRow.DayPartition(new DateTimeOffset(2025, 3, 21, 0, 0, 0, TimeSpan.Zero)),
        Kind = "figure",
        Score = 0.9,
        FeedId = "bbc",
        EntityDetails = "donald-trump|figure|3|0.9;nato|topic|1|0.2",
    };

    private static readonly FeedCategories Filed = new(
    [
        new FeedSource("bbc", "BBC", new Uri("https://bbc.example/rss")) { Category = "News/World" },
        new FeedSource("ap", "AP", new Uri("https://ap.example/rss")) { Category = "Wires" },
    ]);

    public static TheoryData<string, MatchFilter, MatchIndexRow, bool> Rows => new()
    {
        { "a row of a feed filed under the category asked for", Any with { Categories = ["News/World"], FeedCategories = Filed }, NatoRow, true },
        { "a row of a feed in a subfolder of the category asked for", Any with { Categories = ["news"], FeedCategories = Filed }, NatoRow, true },
        { "a row of a feed filed under another category", Any with { Categories = ["Wires"], FeedCategories = Filed }, NatoRow, false },
        { "a row of a feed whose category only starts like the one asked for", Any with { Categories = ["News/Wor"], FeedCategories = Filed }, NatoRow, false },
        { "a row of a feed no longer in the feed list", Any with { Categories = ["News"], FeedCategories = FeedCategories.Empty }, NatoRow, false },
        { "a day row of a feed in the category asked for", Any with { Categories = ["News"], FeedCategories = Filed }, DayRow, true },
        { "an empty filter takes an entity row", Any, NatoRow, true },
        { "an empty filter takes a day row", Any, DayRow, true },
        { "a row below the minimum score", Any with { MinScore = 0.6 }, NatoRow, false },
        { "a row at the minimum score", Any with { MinScore = 0.5 }, NatoRow, true },
        { "a row of a feed not asked for", Any with { Feeds = ["ap"] }, NatoRow, false },
        { "a row of a feed asked for", Any with { Feeds = ["ap", "bbc"] }, NatoRow, true },
        { "an entity row of a kind not asked for", Any with { Kinds = [EntityKind.Figure] }, NatoRow, false },
        { "an entity row of a kind asked for", Any with { Kinds = [EntityKind.Topic] }, NatoRow, true },
        { "a day row listing an entity of the kind asked for, though not its strongest", Any with { Kinds = [EntityKind.Topic] }, DayRow, true },
        { "a day row listing no entity of the kind asked for", Any with { Kinds = [EntityKind.Alert] }, DayRow, false },
        { "an entity row of another entity", Any with { Entities = ["donald-trump"] }, NatoRow, false },
        { "an entity row of an entity asked for", Any with { Entities = ["donald-trump", "nato"] }, NatoRow, true },
        { "a day row listing an entity asked for", Any with { Entities = ["nato"] }, DayRow, true },
        { "a day row listing none of the entities asked for", Any with { Entities = ["vladimir-putin"] }, DayRow, false },
        { "a day row is judged by its strongest entity's score", Any with { MinScore = 0.8 }, DayRow, true },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void TheFilterTakesOnlyTheRowsItAsksFor(string because, MatchFilter filter, MatchIndexRow row, bool taken)
    {
        Assert.True(filter.Takes(row) == taken, because);
    }
}
