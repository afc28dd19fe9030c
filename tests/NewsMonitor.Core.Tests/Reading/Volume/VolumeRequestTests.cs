using NewsMonitor.Reading.Volume;

namespace NewsMonitor.Tests.Reading.Volume;

public sealed class VolumeRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 30, 0, TimeSpan.Zero);

    public static TheoryData<string?, string?, string?, string> Problems => new()
    {
        { null, null, "week", "bucket: \"week\" is not hour or day" },
        { "yesterday", null, null, "from: \"yesterday\" is not an ISO-8601 time or a duration such as 24h or 14d" },
        { null, "soon", null, "to: \"soon\" is not an ISO-8601 time or a duration such as 24h or 7d" },
        { "2026-12-01T12:00Z", "2026-12-01T11:00Z", null, "from: must be before to (2026-12-01T10:30Z)" },
        { "32d", null, "hour", "from: at most 31 days of hours at once; ask for a shorter period or day buckets" },
        { "400d", null, "day", "from: at most 366 days of days at once; ask for a shorter period" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void ABadParameterIsNamed(string? from, string? to, string? bucket, string expected)
    {
        var problems = new List<string>();

        var request = VolumeRequest.Parse(from, to, bucket, Now, ("from", "to", "bucket"), problems);

        Assert.Null(request);
        Assert.Equal(expected, Assert.Single(problems));
    }

    [Fact]
    public void ByDefaultTheLastFourteenDaysOfDaysUpToNow()
    {
        var request = VolumeRequest.Parse(null, null, null, Now, ("from", "to", "bucket"), []);

        Assert.Equal(new VolumeRequest(Now.AddDays(-14), Now, VolumeBucketSize.Day), request);
    }

    [Fact]
    public void AnEndInTheFutureIsHeldToNow()
    {
        var request = VolumeRequest.Parse("2d", "2027-01-01T00:00Z", "hour", Now, ("from", "to", "bucket"), []);

        Assert.Equal(new VolumeRequest(Now.AddDays(-2), Now, VolumeBucketSize.Hour), request);
    }
}
