using NewsMonitor.Delivery.Digests;

namespace NewsMonitor.Tests.Delivery.Digests;

/// <summary><see cref="DigestSchedule"/>: the one rule for when a channel's digest is due, as the runner and <c>monitor subscriptions</c> read it.</summary>
public sealed class DigestNextDueTests
{
    private static readonly Subscription DailyLondon = new("desk", "Desk", [], 0)
    {
        Frequency = new DigestFrequency(DigestCadence.Daily, TimeSpan.FromHours(7), DayOfWeek.Monday),
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London"),
    };

    public static TheoryData<string, string?, bool, string, string> Cases => new()
    {
        { "never run: now", null, false, "2026-01-15T10:00:00Z", "2026-01-15T10:00:00Z" },
        { "run after today's occurrence: tomorrow's", "2026-01-15T07:00:00Z", false, "2026-01-15T10:00:00Z", "2026-01-16T07:00:00Z" },
        { "last run before today's occurrence: now", "2026-01-14T07:00:00Z", false, "2026-01-15T10:00:00Z", "2026-01-15T10:00:00Z" },
        { "a pending delivery is retried now", "2026-01-15T07:00:00Z", true, "2026-01-15T10:00:00Z", "2026-01-15T10:00:00Z" },
        { "across the spring change the hour moves", "2026-03-28T07:00:00Z", false, "2026-03-28T10:00:00Z", "2026-03-29T06:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void NextDueIsNowWhenDueOrPendingElseTheNextOccurrence(string name, string? lastRun, bool pending, string now, string expected)
    {
        var last = lastRun is null ? (DateTimeOffset?)null : DateTimeOffset.Parse(lastRun, System.Globalization.CultureInfo.InvariantCulture);

        var next = DigestSchedule.NextDue(DailyLondon, last, pending, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture) == next, $"{name}: {next:O}");
    }
}
