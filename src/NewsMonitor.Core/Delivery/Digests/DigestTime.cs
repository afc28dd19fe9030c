using System.Globalization;

namespace NewsMonitor.Delivery.Digests;

/// <summary>
/// Times as a subscriber reads them: in the subscription's zone, with the zone named — <c>2025-03-20 14:05 UTC+01:00
/// (Europe/Berlin)</c>, or <c>… UTC</c> for UTC. The offset stands where an abbreviation such as CET would: .NET has no
/// zone abbreviations, and an offset cannot be misread (CST is three different zones).
/// </summary>
public static class DigestTime
{
    public static string Format(DateTimeOffset time, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(time, zone);
        return $"{Stamp(local)} {Zone(local, zone)}";
    }

    /// <summary>A period: the zone once when both ends share an offset, at each end when a DST change falls between them.</summary>
    public static string Period(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        var start = TimeZoneInfo.ConvertTime(from, zone);
        var end = TimeZoneInfo.ConvertTime(to, zone);
        return start.Offset == end.Offset
            ? $"{Stamp(start)} to {Stamp(end)} {Zone(end, zone)}"
            : $"{Format(from, zone)} to {Format(to, zone)}";
    }

    /// <summary>A date in the zone, for "first seen 2025-03-20".</summary>
    public static string Date(DateTimeOffset time, TimeZoneInfo zone)
        => TimeZoneInfo.ConvertTime(time, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Stamp(DateTimeOffset local) => local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Zone(DateTimeOffset local, TimeZoneInfo zone)
    {
        if (zone.Id is "UTC" or "Etc/UTC" or "Etc/Universal" or "Universal" or "Zulu")
        {
            return "UTC";
        }

        var sign = local.Offset < TimeSpan.Zero ? "-" : "+";
        return $"UTC{sign}{local.Offset.Duration():hh\\:mm} ({zone.Id})";
    }
}
