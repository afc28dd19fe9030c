using NewsMonitor.Reading.Volume;
using NewsMonitor.Storage;

namespace NewsMonitor.Tests.Reading.Volume;

public sealed class VolumeSeriesTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ADayIsTheSumOfItsUtcHoursAndEveryDayIsListed()
    {
        var hours = new[] { Hour(Day.AddHours(0), 2), Hour(Day.AddHours(23), 5), Hour(Day.AddDays(1).AddHours(1), 7), Hour(Day.AddDays(-5), 100) };
        var request = new VolumeRequest(Day.AddDays(-1).AddHours(6), Day.AddDays(1).AddHours(10), VolumeBucketSize.Day);

        var series = VolumeSeries.Of("nato", "NATO", request, hours);

        Assert.Equal([(Day.AddDays(-1), 0), (Day, 7), (Day.AddDays(1), 7)], series.Buckets.Select(b => (b.Start, b.Count)));
        Assert.Equal((Day.AddDays(-1), Day.AddDays(2), 14, "UTC"), (series.From, series.To, series.Total, series.TimeZone));
    }

    [Fact]
    public void HourBucketsRunFromTheHourOfTheStartToTheHourBeforeTheEnd()
    {
        var request = new VolumeRequest(Day.AddMinutes(30), Day.AddHours(3), VolumeBucketSize.Hour);

        var series = VolumeSeries.Of("nato", "NATO", request, [Hour(Day.AddHours(1), 4), Hour(Day.AddHours(3), 9)]);

        Assert.Equal([(Day, 0), (Day.AddHours(1), 4), (Day.AddHours(2), 0)], series.Buckets.Select(b => (b.Start, b.Count)));
    }

    private static HourVolume Hour(DateTimeOffset start, int count) => new(start, count, new Dictionary<string, int>());
}
