using System.Globalization;

namespace NewsMonitor.Delivery.Digests;

/// <summary>How often a subscription gets a digest: <c>immediate</c>, <c>hourly</c>, <c>daily@07:00</c> or <c>weekly@mon 07:00</c>, in the subscription's time zone.</summary>
public sealed record DigestFrequency(DigestCadence Cadence, TimeSpan TimeOfDay, DayOfWeek Day)
{
    public static DigestFrequency Hourly { get; } = new(DigestCadence.Hourly, TimeSpan.Zero, DayOfWeek.Monday);

    public static bool TryParse(string text, out DigestFrequency frequency)
    {
        frequency = Hourly;
        var parts = text.Trim().ToLowerInvariant().Split('@', 2);
        switch (parts[0])
        {
            case "immediate" when parts.Length == 1:
                frequency = new DigestFrequency(DigestCadence.Immediate, TimeSpan.Zero, DayOfWeek.Monday);
                return true;
            case "hourly" when parts.Length == 1:
                return true;
            case "daily" when parts.Length == 2 && TryTime(parts[1], out var time):
                frequency = new DigestFrequency(DigestCadence.Daily, time, DayOfWeek.Monday);
                return true;
            case "weekly" when parts.Length == 2:
                var dayAndTime = parts[1].Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
                if (dayAndTime.Length == 2 && TryDay(dayAndTime[0], out var day) && TryTime(dayAndTime[1], out var weeklyTime))
                {
                    frequency = new DigestFrequency(DigestCadence.Weekly, weeklyTime, day);
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>The latest scheduled moment at or before <paramref name="now"/>; a digest is due when the last one was sent before it.</summary>
    public DateTimeOffset LatestOccurrence(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        DateTime candidate = Cadence switch
        {
            DigestCadence.Hourly or DigestCadence.Immediate => new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified),
            DigestCadence.Daily => local.Date + TimeOfDay,
            _ => local.Date.AddDays(-(((int)local.DayOfWeek - (int)Day + 7) % 7)) + TimeOfDay,
        };
        var step = Cadence switch { DigestCadence.Daily => TimeSpan.FromDays(1), DigestCadence.Weekly => TimeSpan.FromDays(7), _ => TimeSpan.FromHours(1) };
        while (ToInstant(candidate, zone) > now)
        {
            candidate -= step;
        }

        return ToInstant(candidate, zone);
    }

    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        // A time skipped by a DST change is taken as the moment the clocks jumped to.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static bool TryTime(string text, out TimeSpan time)
        => TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out time) && time < TimeSpan.FromDays(1);

    private static bool TryDay(string text, out DayOfWeek day)
    {
        var days = new[] { "sun", "mon", "tue", "wed", "thu", "fri", "sat" };
        var index = Array.FindIndex(days, d => text.StartsWith(d, StringComparison.Ordinal));
        day = index < 0 ? DayOfWeek.Monday : (DayOfWeek)index;
        return index >= 0;
    }
}

/// <summary>The cadences a subscription can ask for.</summary>
public enum DigestCadence
{
    Immediate,
    Hourly,
    Daily,
    Weekly,
}
