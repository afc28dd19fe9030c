using NewsMonitor.Pipeline;
using NewsMonitor.Storage;

namespace NewsMonitor.Tests.Pipeline;

public sealed class EntityVolumeTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 15, 10, 30, 0, TimeSpan.Zero);

    // When a match happened → the day bucket (0 = 2025-05-17, 29 = today) and hour bucket (0 = 06-13 11:00, 47 = now's hour) it counts in.
    public static TheoryData<string, DateTimeOffset, int?, int?> Buckets => new()
    {
        { "the start of now's hour", new(2025, 6, 15, 10, 0, 0, TimeSpan.Zero), 29, 47 },
        { "a second before now", new(2025, 6, 15, 10, 29, 59, TimeSpan.Zero), 29, 47 },
        { "a time given in another offset", new(2025, 6, 15, 12, 15, 0, TimeSpan.FromHours(2)), 29, 47 },
        { "midnight UTC today", new(2025, 6, 15, 0, 0, 0, TimeSpan.Zero), 29, 37 },
        { "the last tick of yesterday", new DateTimeOffset(2025, 6, 15, 0, 0, 0, TimeSpan.Zero).AddTicks(-1), 28, 36 },
        { "the first hour of the 48", new(2025, 6, 13, 11, 0, 0, TimeSpan.Zero), 27, 0 },
        { "a tick before the 48 hours", new DateTimeOffset(2025, 6, 13, 11, 0, 0, TimeSpan.Zero).AddTicks(-1), 27, null },
        { "the first day of the 30", new(2025, 5, 17, 0, 0, 0, TimeSpan.Zero), 0, null },
        { "a tick before the 30 days", new DateTimeOffset(2025, 5, 17, 0, 0, 0, TimeSpan.Zero).AddTicks(-1), null, null },
    };

    [Theory]
    [MemberData(nameof(Buckets))]
    public void AMatchCountsInTheDayAndHourThatHoldIt(string moment, DateTimeOffset at, int? day, int? hour)
    {
        var volume = EntityVolume.Count([new MatchMoment(at, "a", "feed")], Now);

        Assert.True(Expected(EntityVolume.Days, day).SequenceEqual(volume.Daily.Select(b => b.Count)), moment);
        Assert.True(Expected(EntityVolume.Hours, hour).SequenceEqual(volume.Hourly.Select(b => b.Count)), moment);
    }

    [Fact]
    public void EmptyPeriodsAreZeroFilledUtcBucketsOldestFirst()
    {
        var volume = EntityVolume.Count([], Now);

        Assert.Equal(Enumerable.Range(0, 30).Select(i => new VolumeBucket(new DateTimeOffset(2025, 5, 17, 0, 0, 0, TimeSpan.Zero).AddDays(i), 0)), volume.Daily);
        Assert.Equal(Enumerable.Range(0, 48).Select(i => new VolumeBucket(new DateTimeOffset(2025, 6, 13, 11, 0, 0, TimeSpan.Zero).AddHours(i), 0)), volume.Hourly);
        Assert.Empty(volume.TopOutlets);
    }

    [Fact]
    public void TopOutletsAreTheTenBusiestFeedsOfTheThirtyDaysTiesByFeedId()
    {
        // feed00 has 12 matches, feed01 11, … feed11 1; feed-old has 20, all before the 30 days.
        var moments = Enumerable.Range(0, 12)
            .SelectMany(f => Enumerable.Range(0, 12 - f).Select(i => new MatchMoment(Now.AddHours(-i), $"{f}-{i}", $"feed{f:00}")))
            .Append(new MatchMoment(Now.AddHours(-1), "tie", "feed03"))
            .Concat(Enumerable.Range(0, 20).Select(i => new MatchMoment(Now.AddDays(-31), $"old-{i}", "feed-old")));

        var outlets = EntityVolume.Count(moments, Now).TopOutlets;

        Assert.Equal(
            [("feed00", 12), ("feed01", 11), ("feed02", 10), ("feed03", 10), ("feed04", 8), ("feed05", 7), ("feed06", 6), ("feed07", 5), ("feed08", 4), ("feed09", 3)],
            outlets.Select(o => (o.FeedId, o.Count)));
    }

    private static int[] Expected(int buckets, int? hit) => Enumerable.Range(0, buckets).Select(i => i == hit ? 1 : 0).ToArray();
}
