using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Digests;

namespace NewsMonitor.Tests.Delivery.Digests;

/// <summary>When a subscription's digest is due, in its own time zone, across daylight-saving changes, and its quiet hours.</summary>
public sealed class DigestScheduleTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public static TheoryData<string, string, string, string> Occurrences => new()
    {
        { "hourly", "Europe/London", "2026-01-15T10:42:00Z", "2026-01-15T10:00:00Z" },
        { "daily@07:00", "Europe/London", "2026-01-15T10:42:00Z", "2026-01-15T07:00:00Z" },
        { "daily@07:00", "Europe/London", "2026-01-15T06:59:00Z", "2026-01-14T07:00:00Z" },
        { "daily@07:00", "Europe/London", "2026-07-15T10:00:00Z", "2026-07-15T06:00:00Z" },
        { "daily@07:00", "Asia/Tokyo", "2026-01-15T10:00:00Z", "2026-01-14T22:00:00Z" },
        { "daily@01:30", "Europe/London", "2026-03-29T03:00:00Z", "2026-03-29T01:00:00Z" },
        { "weekly@mon 07:00", "Europe/London", "2026-01-15T10:00:00Z", "2026-01-12T07:00:00Z" },
        { "weekly@thu 07:00", "Europe/London", "2026-01-15T10:00:00Z", "2026-01-15T07:00:00Z" },
        { "weekly@fri 07:00", "Europe/London", "2026-01-15T10:00:00Z", "2026-01-09T07:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(Occurrences))]
    public void TheLatestOccurrenceIsInTheSubscriptionsTimeZone(string frequency, string zone, string now, string expected)
    {
        Assert.True(DigestFrequency.TryParse(frequency, out var parsed));

        var latest = parsed.LatestOccurrence(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), latest);
    }

    [Theory]
    [InlineData("daily")]
    [InlineData("daily@7")]
    [InlineData("daily@25:00")]
    [InlineData("weekly@funday 07:00")]
    [InlineData("weekly@mon")]
    [InlineData("every hour")]
    public void AFrequencyThatCannotBeReadIsRefused(string text) => Assert.False(DigestFrequency.TryParse(text, out _));

    [Theory]
    [InlineData("22:00-07:00", "2026-01-15T23:30:00Z", true)]
    [InlineData("22:00-07:00", "2026-01-15T06:59:00Z", true)]
    [InlineData("22:00-07:00", "2026-01-15T07:00:00Z", false)]
    [InlineData("12:00-13:00", "2026-01-15T12:30:00Z", true)]
    [InlineData("12:00-13:00", "2026-07-15T12:30:00Z", false)]
    public void QuietHoursSpanMidnightAndFollowTheTimeZone(string window, string now, bool quiet)
    {
        Assert.True(QuietHours.TryParse(window, out var hours));

        Assert.Equal(quiet, hours!.Contains(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), London));
    }

    [Fact]
    public void TokyoMorningIsLondonNight()
    {
        Assert.True(QuietHours.TryParse("22:00-07:00", out var hours));

        Assert.False(hours!.Contains(new DateTimeOffset(2026, 1, 15, 0, 30, 0, TimeSpan.Zero), Tokyo));
        Assert.True(hours.Contains(new DateTimeOffset(2026, 1, 15, 0, 30, 0, TimeSpan.Zero), London));
    }

    [Fact]
    public void EverySubscriptionProblemIsReportedAtOnce()
    {
        const string Json = """
            {"subscriptions":[{"id":"a","frequency":"sometimes","timeZone":"Mars/Olympus","quietHours":"late","kinds":["person"],"email":["not-an-address"],"webhooks":[{"url":"ftp://x"},{"url":"https://x.example","format":"xml"}]}]}
            """;

        var error = Assert.Throws<ConfigFileException>(() => SubscriptionLoader.Parse(Json, "subscriptions.json"));

        foreach (var field in new[] { ".frequency:", ".timeZone:", ".quietHours:", ".kinds:", ".email:", ".webhooks[0].url:", ".webhooks[1].format:" })
        {
            Assert.Contains($"subscriptions[0] (a){field}", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnImmediateSubscriptionWithoutAChannelIsAProblem()
    {
        var error = Assert.Throws<ConfigFileException>(() => SubscriptionLoader.Parse("""{"subscriptions":[{"id":"a","frequency":"immediate"}]}""", "subscriptions.json"));

        Assert.Contains("subscriptions[0] (a).frequency: immediate alerts need an email address or a webhook", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFullSubscriptionIsRead()
    {
        const string Json = """
            {"subscriptions":[{"id":"desk","name":"Desk","entities":["vladimir-putin"],"kinds":["figure","alert"],"feeds":["bbc-world"],"minScore":0.4,
              "frequency":"weekly@mon 07:00","timeZone":"Europe/London","quietHours":"22:00-07:00","sendEmpty":true,
              "email":["a@example.org"],"webhooks":[{"url":"https://hooks.example/x","format":"slack"}]}]}
            """;

        var subscription = Assert.Single(SubscriptionLoader.Parse(Json, "subscriptions.json"));

        Assert.Equal(DigestCadence.Weekly, subscription.Frequency.Cadence);
        Assert.Equal(DayOfWeek.Monday, subscription.Frequency.Day);
        Assert.Equal("Europe/London", subscription.TimeZone.Id);
        Assert.True(subscription.SendEmpty);
        Assert.Equal([NewsMonitor.Watchlists.EntityKind.Figure, NewsMonitor.Watchlists.EntityKind.Alert], subscription.Kinds);
        Assert.Equal(WebhookFormat.Slack, Assert.Single(subscription.Webhooks).Format);
    }
}
