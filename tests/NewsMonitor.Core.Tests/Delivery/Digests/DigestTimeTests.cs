using NewsMonitor.Delivery.Digests;

namespace NewsMonitor.Tests.Delivery.Digests;

/// <summary>Times in digests and alerts are the subscriber's, with the zone named.</summary>
public sealed class DigestTimeTests
{
    public static TheoryData<string, string, string, string> Times => new()
    {
        { "UTC stays UTC", "UTC", "2026-01-15T13:05:00Z", "2026-01-15 13:05 UTC" },
        { "Berlin in winter", "Europe/Berlin", "2026-01-15T13:05:00Z", "2026-01-15 14:05 UTC+01:00 (Europe/Berlin)" },
        { "Berlin in summer", "Europe/Berlin", "2026-07-15T13:05:00Z", "2026-07-15 15:05 UTC+02:00 (Europe/Berlin)" },
        { "west of Greenwich, past midnight back", "America/New_York", "2026-01-15T03:05:00Z", "2026-01-14 22:05 UTC-05:00 (America/New_York)" },
        { "a half-hour offset", "Asia/Kolkata", "2026-01-15T13:05:00Z", "2026-01-15 18:35 UTC+05:30 (Asia/Kolkata)" },
    };

    [Theory]
    [MemberData(nameof(Times))]
    public void ATimeIsShownInTheZoneWithTheZoneNamed(string name, string zone, string utc, string expected)
    {
        var shown = DigestTime.Format(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.True(expected == shown, $"{name}: {shown}");
    }

    [Fact]
    public void APeriodAcrossADaylightSavingChangeNamesTheOffsetAtEachEnd()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        var period = DigestTime.Period(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.Zero), berlin);

        Assert.Equal("2026-03-28 13:00 UTC+01:00 (Europe/Berlin) to 2026-03-29 14:00 UTC+02:00 (Europe/Berlin)", period);
    }

    [Fact]
    public void ADigestForABerlinDeskShowsBerlinTimes()
    {
        var item = new DigestItem("a1", "Headline", "https://news.example/a", "demo", new DateTimeOffset(2026, 1, 15, 13, 5, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 15, 13, 6, 0, TimeSpan.Zero), 0.8, "snippet", 0, 0, []);
        var digest = new Digest("desk", "Desk", new DateTimeOffset(2026, 1, 15, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 15, 14, 0, 0, TimeSpan.Zero), [new DigestSection("x", "X", [item])])
        {
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"),
        };

        var text = DigestRenderer.Text(digest);

        Assert.Contains("1 article, 2026-01-15 07:00 to 2026-01-15 15:00 UTC+01:00 (Europe/Berlin)", text, StringComparison.Ordinal);
        Assert.Contains("demo · 2026-01-15 14:05 UTC+01:00 (Europe/Berlin) · score 0.80", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" UTC\n", text, StringComparison.Ordinal);
    }
}
