using System.Globalization;
using NewsMonitor.Reading;

namespace NewsMonitor.Tests.Reading;

public sealed class TimeExpressionTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 31, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string> Valid => new()
    {
        { "30m", "2025-03-31T11:30:00Z" },
        { "24h", "2025-03-30T12:00:00Z" },
        { "7d", "2025-03-24T12:00:00Z" },
        { "7D", "2025-03-24T12:00:00Z" },
        { " 7d ", "2025-03-24T12:00:00Z" },
        { "2w", "2025-03-17T12:00:00Z" },
        { "0d", "2025-03-31T12:00:00Z" },
        { "2025-03-21T10:15:00+05:30", "2025-03-21T04:45:00Z" },
        { "2025-03-21T10:15:00Z", "2025-03-21T10:15:00Z" },
        { "2025-03-21", "2025-03-21T00:00:00Z" },
    };

    public static TheoryData<string?> Invalid => new()
    {
        null,
        "",
        "   ",
        "7",
        "d",
        "7x",
        "7y",
        "-7d",
        "+7d",
        "7.5d",
        "1e3d",
        "100001d",
        "yesterday",
        "2025-13-45",
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void DurationsCountBackFromNowAndInstantsAreUtc(string text, string expected)
    {
        var parsed = TimeExpression.TryParse(text, Now, out var value);

        Assert.True(parsed);
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void AnythingElseIsRejected(string? text)
    {
        var parsed = TimeExpression.TryParse(text, Now, out _);

        Assert.False(parsed);
    }

    [Theory]
    [InlineData("90m", 90 * 60)]
    [InlineData("36h", 36 * 3600)]
    [InlineData("100000d", 100_000L * 86400)]
    public void DurationUnitsAreMinutesHoursDaysAndWeeks(string text, long seconds)
    {
        var parsed = TimeExpression.TryParseDuration(text, out var duration);

        Assert.True(parsed);
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }
}
