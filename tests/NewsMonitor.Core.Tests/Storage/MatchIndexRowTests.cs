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
}
