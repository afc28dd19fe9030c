using System.Globalization;
using NewsMonitor.Feeds;

namespace NewsMonitor.Tests.Feeds;

public sealed class FeedDatesTests
{
    public static TheoryData<string, string?> Dates => new()
    {
        // RFC 822 / 1123 as written, and every way publishers bend it.
        { "Mon, 31 Mar 2025 14:20:00 GMT", "2025-03-31T14:20:00Z" },
        { "Mon, 31 Mar 2025 14:20:00 +0200", "2025-03-31T12:20:00Z" },
        { "Mon, 31 Mar 2025 14:20:00 -0500", "2025-03-31T19:20:00Z" },
        { "Mon, 31 Mar 2025 14:20:00 +02:00", "2025-03-31T12:20:00Z" },
        { "Mon, 31 Mar 2025 14:20 GMT", "2025-03-31T14:20:00Z" },
        { "31 Mar 2025 14:20:00 +0000", "2025-03-31T14:20:00Z" },
        { "Fri, 31 Mar 2025 14:20:00 GMT", "2025-03-31T14:20:00Z" },
        { "Fr, 31 Mar 2025 14:20:00 +0100", "2025-03-31T13:20:00Z" },
        { "Sat,29 Jul 2006 00:03:02 +0000", "2006-07-29T00:03:02Z" },
        { "Mon, 31 Mar 25 14:20:00 GMT", "2025-03-31T14:20:00Z" },
        { "Thu, 01 Jan 70 00:00:00 GMT", "1970-01-01T00:00:00Z" },
        { "Mon, 3 Mar 2025 4:05:06 GMT", "2025-03-03T04:05:06Z" },
        { "Mon, 31 Mar 2025 14:20:00 UT", "2025-03-31T14:20:00Z" },
        { "Mon, 31 Mar 2025 14:20:00 UTC", "2025-03-31T14:20:00Z" },
        { "Mon, 31 Mar 2025 14:20:00 Z", "2025-03-31T14:20:00Z" },
        { "Wed, 02 Aug 2017 13:44:00 EST", "2017-08-02T18:44:00Z" },
        { "Wed, 02 Aug 2017 13:44:00 EDT", "2017-08-02T17:44:00Z" },
        { "Wed, 02 Aug 2017 13:44:00 PDT", "2017-08-02T20:44:00Z" },
        { "Wed, 02 Aug 2017 13:44:00 PST", "2017-08-02T21:44:00Z" },
        { "Wed, 02 Aug 2017 13:44:00 CEST", "2017-08-02T11:44:00Z" },
        { "Wed, 02 Aug 2017 13:44:00 A", "2017-08-02T13:44:00Z" },
        { "Mon, 31 Mar 2025 14:20:00", "2025-03-31T14:20:00Z" },
        { "Mon, 31 Mar 2025 14:20:00+0200", "2025-03-31T12:20:00Z" },
        { "Mon, 31 Mar 2025 14:20:00 GMT+2", "2025-03-31T12:20:00Z" },
        { "Mon, 31 March 2025 14:20:00 GMT", "2025-03-31T14:20:00Z" },
        { "Mon, 30 Sept 2024 14:20:00 GMT", "2024-09-30T14:20:00Z" },
        { "Sat, Dec 24 2016 11:45:00 PM", "2016-12-24T23:45:00Z" },
        { "Sat, Dec 24 2016 12:05:00 AM", "2016-12-24T00:05:00Z" },
        { "Sunday, 06-Nov-94 08:49:37 GMT", "1994-11-06T08:49:37Z" },
        { "Mon, 31 Mar 2025 23:59:60 GMT", "2025-03-31T23:59:59Z" },

        // ISO 8601 / W3C-DTF, in Atom and in RSS.
        { "2025-03-31T14:20:00Z", "2025-03-31T14:20:00Z" },
        { "2025-03-31T14:20:00+02:00", "2025-03-31T12:20:00Z" },
        { "2025-03-31T14:20:00+0200", "2025-03-31T12:20:00Z" },
        { "2025-03-31T14:20:00.123456Z", "2025-03-31T14:20:00.123456Z" },
        { "2025-03-31 14:20:00", "2025-03-31T14:20:00Z" },
        { "2025-03-31T14:20Z", "2025-03-31T14:20:00Z" },
        { "2025-03-31", "2025-03-31T00:00:00Z" },
        { "  2025-03-31T14:20:00Z\n", "2025-03-31T14:20:00Z" },

        // Not dates: null, never "now".
        { "", null },
        { "   ", null },
        { "yesterday", null },
        { "Mon, 31 Foo 2025 14:20:00 GMT", null },
        { "Mon, 31 Feb 2025 14:20:00 GMT", null },
        { "Mon, 31 Mar 2025 25:20:00 GMT", null },
        { "Mon, 31 Mar 2025 14:20:00 XYZT", null },
        { "2025-13-01T00:00:00Z", null },
        { "Σάβ, 31 Μαρ 2025 14:20:00 GMT", null },
        { "31 Mar", null },
        { "123456789012 Mar 2025", null },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void DateIsReadAsUtcOrNull(string text, string? expected)
    {
        var parsed = FeedDates.Parse(text);

        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), parsed);
        Assert.Equal(TimeSpan.Zero, parsed?.Offset ?? TimeSpan.Zero);
    }

    [Fact]
    public void NullIsNull() => Assert.Null(FeedDates.Parse(null));
}
