using System.Globalization;
using NewsMonitor.Reading;

namespace NewsMonitor.Feeds;

/// <summary>A feed's <c>pollInterval</c>: a duration like the query parameters take (<c>30m</c>, <c>2h</c>, <c>1d</c>) or a TimeSpan like the settings (<c>00:30:00</c>).</summary>
public static class FeedPollInterval
{
    public static readonly TimeSpan Min = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan Max = TimeSpan.FromDays(30);

    public const string Expected = "is not a poll interval from 1m to 30d (like 30m, 2h, 1d or 00:30:00)";

    public static bool TryParse(string text, out TimeSpan interval)
        => (TimeExpression.TryParseDuration(text, out interval) || TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out interval))
            && interval >= Min && interval <= Max;

    /// <summary>The shortest of the two spellings that reads back as <paramref name="interval"/>.</summary>
    public static string Format(TimeSpan interval)
        => interval.Ticks % TimeSpan.TicksPerDay == 0 ? $"{interval.Days}d"
            : interval.Ticks % TimeSpan.TicksPerHour == 0 ? $"{(long)interval.TotalHours}h"
            : interval.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{(long)interval.TotalMinutes}m"
            : interval.ToString("c", CultureInfo.InvariantCulture);
}
