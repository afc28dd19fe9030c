using System.Globalization;

namespace NewsMonitor.Delivery.Digests;

/// <summary>A daily window (in the subscription's time zone) in which digests wait; it may span midnight, as <c>22:00-07:00</c>.</summary>
public sealed record QuietHours(TimeSpan Start, TimeSpan End)
{
    public static bool TryParse(string text, out QuietHours? quiet)
    {
        quiet = null;
        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && TimeSpan.TryParseExact(parts[0], @"hh\:mm", CultureInfo.InvariantCulture, out var start)
            && TimeSpan.TryParseExact(parts[1], @"hh\:mm", CultureInfo.InvariantCulture, out var end)
            && start < TimeSpan.FromDays(1) && end < TimeSpan.FromDays(1) && start != end)
        {
            quiet = new QuietHours(start, end);
            return true;
        }

        return false;
    }

    public bool Contains(DateTimeOffset now, TimeZoneInfo zone)
    {
        var time = TimeZoneInfo.ConvertTime(now, zone).TimeOfDay;
        return Start < End ? time >= Start && time < End : time >= Start || time < End;
    }
}
