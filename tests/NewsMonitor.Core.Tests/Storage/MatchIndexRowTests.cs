using NewsMonitor.Storage;

namespace NewsMonitor.Tests.Storage;

public sealed class MatchIndexRowTests
{
    private static readonly DateTimeOffset Moment = new(2025, 3, 21, 4, 45, 0, TimeSpan.Zero);

    [Fact]
    public void LaterMomentsSortFirst()
    {
        var keys = new[] { Moment, Moment.AddTicks(1), Moment.AddYears(-1), Moment.AddDays(1) }.Select(MatchIndexRow.TimeKey).ToList();

        var ordered = keys.Order(StringComparer.Ordinal).ToList();

        Assert.Equal([keys[3], keys[1], keys[0], keys[2]], ordered);
    }

    [Fact]
    public void TimeKeyIgnoresTheOffset()
    {
        var utc = MatchIndexRow.TimeKey(Moment);

        var local = MatchIndexRow.TimeKey(Moment.ToOffset(TimeSpan.FromHours(5.5)));

        Assert.Equal(utc, local);
    }

    [Fact]
    public void RowKeyIsNineteenDigitsThenTheArticleId()
    {
        var key = MatchIndexRow.RowKeyFor(Moment, "ab116c15d8ac8b5285e0a8c70be0bf03");

        Assert.Matches("^[0-9]{19}_ab116c15d8ac8b5285e0a8c70be0bf03$", key);
        Assert.StartsWith(MatchIndexRow.TimeKey(Moment), key, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string, bool, string, string, string, double> Removals => new()
    {
        { "an entity row listing only live entities is unchanged", "nato", "nato,un", "nato|topic|2|0.4;un|topic|1|0.2", true, "nato,un", "nato|topic|2|0.4;un|topic|1|0.2", "topic", 0.4 },
        { "an entity row drops a removed entity from its lists", "nato", "nato,gone", "nato|topic|2|0.4;gone|figure|3|0.9", true, "nato", "nato|topic|2|0.4", "topic", 0.4 },
        { "a removed entity's own row is hidden", "gone", "nato,gone", "nato|topic|2|0.4;gone|figure|3|0.9", false, "nato,gone", "nato|topic|2|0.4;gone|figure|3|0.9", "figure", 0.9 },
        { "a day row takes the kind and score of its strongest live entity", "_all_20250321", "nato,gone,un", "gone|figure|3|0.9;nato|topic|2|0.4;un|alert|1|0.6", true, "nato,un", "nato|topic|2|0.4;un|alert|1|0.6", "alert", 0.6 },
        { "a day row of removed entities only is hidden", "_all_20250321", "gone", "gone|figure|3|0.9", false, string.Empty, string.Empty, "figure", 0.9 },
        { "a row written without entity lists is shown as it is", "nato", string.Empty, string.Empty, true, string.Empty, string.Empty, "figure", 0.9 },
    };

    [Theory]
    [MemberData(nameof(Removals))]
    public void KeepEntitiesDropsRemovedEntitiesAndHidesRowsLeftWithNone(string because, string partition, string entities, string details, bool shown, string keptEntities, string keptDetails, string kind, double score)
    {
        var row = new MatchIndexRow { PartitionKey = partition, Entities = entities, EntityDetails = details, Kind = partition == "nato" ? kind : "figure", Score = partition == "nato" ? score : 0.9 };

        var result = row.KeepEntities(id => id != "gone");

        Assert.True(result == shown, because);
        if (shown)
        {
            Assert.Equal((keptEntities, keptDetails, kind, score), (row.Entities, row.EntityDetails, row.Kind, row.Score));
        }
    }
}
