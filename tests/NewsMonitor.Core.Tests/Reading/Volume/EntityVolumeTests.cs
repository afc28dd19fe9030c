using NewsMonitor.Reading.Volume;
using NewsMonitor.Storage;

namespace NewsMonitor.Tests.Reading.Volume;

public sealed class EntityVolumeTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 15, 10, 30, 0, TimeSpan.Zero);

    // An hour → the day bucket (0 = 2025-05-17, 29 = today) and hour bucket (0 = 06-13 11:00, 47 = now's hour) it adds to.
    public static TheoryData<string, DateTimeOffset, int?, int?> Buckets => new()
    {
        { "now's hour", new(2025, 6, 15, 10, 0, 0, TimeSpan.Zero), 29, 47 },
        { "now's hour given in another offset", new(2025, 6, 15, 12, 0, 0, TimeSpan.FromHours(2)), 29, 47 },
        { "the first hour of today", new(2025, 6, 15, 0, 0, 0, TimeSpan.Zero), 29, 37 },
        { "the last hour of yesterday", new(2025, 6, 14, 23, 0, 0, TimeSpan.Zero), 28, 36 },
        { "the first of the 48 hours", new(2025, 6, 13, 11, 0, 0, TimeSpan.Zero), 27, 0 },
        { "the hour before the 48", new(2025, 6, 13, 10, 0, 0, TimeSpan.Zero), 27, null },
        { "the first hour of the 30 days", new(2025, 5, 17, 0, 0, 0, TimeSpan.Zero), 0, null },
        { "the hour before the 30 days", new(2025, 5, 16, 23, 0, 0, TimeSpan.Zero), null, null },
    };

    [Theory]
    [MemberData(nameof(Buckets))]
    public void AnHourAddsToTheDayAndHourBucketsThatHoldIt(string hour, DateTimeOffset start, int? day, int? hourBucket)
    {
        var volume = EntityVolume.Count([new HourVolume(start, 3, Feeds(("feed", 3)))], Now);

        Assert.True(Expected(EntityVolume.Days, day).SequenceEqual(volume.Daily.Select(b => b.Count)), hour);
        Assert.True(Expected(EntityVolume.Hours, hourBucket).SequenceEqual(volume.Hourly.Select(b => b.Count)), hour);
    }

    [Fact]
    public void HoursOfOneDayAddUpToItsCount()
    {
        var hours = Enumerable.Range(0, 24).Select(h => new HourVolume(new DateTimeOffset(2025, 6, 10, h, 0, 0, TimeSpan.Zero), h, Feeds()));

        var volume = EntityVolume.Count(hours, Now);

        Assert.Equal(276, volume.Daily.Single(b => b.Start == new DateTimeOffset(2025, 6, 10, 0, 0, 0, TimeSpan.Zero)).Count);
        Assert.Equal(276, volume.Daily.Sum(b => b.Count));
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
        // feed00 has 12 matches, feed01 11, … feed11 1, spread over hours; feed-old has 20, all before the 30 days.
        var hours = Enumerable.Range(0, 12)
            .Select(h => new HourVolume(Now.AddHours(-h), 12 - h, Feeds(Enumerable.Range(0, 12 - h).Select(f => ($"feed{f:00}", 1)).ToArray())))
            .Append(new HourVolume(Now.AddDays(-2), 1, Feeds(("feed03", 1))))
            .Append(new HourVolume(Now.AddDays(-31), 20, Feeds(("feed-old", 20))));

        var outlets = EntityVolume.Count(hours, Now).TopOutlets;

        Assert.Equal(
            [("feed00", 12), ("feed01", 11), ("feed02", 10), ("feed03", 10), ("feed04", 8), ("feed05", 7), ("feed06", 6), ("feed07", 5), ("feed08", 4), ("feed09", 3)],
            outlets.Select(o => (o.FeedId, o.Count)));
    }

    private static Dictionary<string, int> Feeds(params (string Feed, int Count)[] feeds) => feeds.ToDictionary(f => f.Feed, f => f.Count);

    private static int[] Expected(int buckets, int? hit) => Enumerable.Range(0, buckets).Select(i => i == hit ? 3 : 0).ToArray();
}
