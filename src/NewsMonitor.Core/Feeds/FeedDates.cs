using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsMonitor.Feeds;

/// <summary>
/// Reads feed dates as publishers write them: RFC 822/1123/2822 with or without weekday (a wrong one is ignored),
/// seconds or a space after the comma, two-digit years, named zones (GMT, UT, Z, EST, PDT, CEST…) or numeric offsets
/// with or without a colon, US order with AM/PM, RFC 850 dashes, and ISO 8601 (W3C-DTF) wherever it appears.
/// A date that cannot be read is null, never "now"; a date without a zone is taken as UTC. See FeedDatesTests.
/// </summary>
public static partial class FeedDates
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly HashSet<string> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    // Hours east of UTC. RFC 822's military letters had their signs reversed in practice; RFC 2822 says to read them as
    // UTC, which the single-letter rule in ZoneOffset does. IST is taken as India, where most feeds using it are.
    private static readonly Dictionary<string, double> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0, ["WET"] = 0,
        ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5, ["MST"] = -7, ["MDT"] = -6, ["PST"] = -8, ["PDT"] = -7,
        ["AKST"] = -9, ["AKDT"] = -8, ["HST"] = -10, ["AST"] = -4, ["ADT"] = -3, ["NST"] = -3.5, ["NDT"] = -2.5,
        ["BST"] = 1, ["WEST"] = 1, ["CET"] = 1, ["MEZ"] = 1, ["CEST"] = 2, ["MESZ"] = 2, ["EET"] = 2, ["EEST"] = 3,
        ["MSK"] = 3, ["IST"] = 5.5, ["PKT"] = 5, ["ICT"] = 7, ["WIB"] = 7, ["HKT"] = 8, ["SGT"] = 8, ["PHT"] = 8,
        ["AWST"] = 8, ["JST"] = 9, ["KST"] = 9, ["ACST"] = 9.5, ["AEST"] = 10, ["AEDT"] = 11, ["NZST"] = 12, ["NZDT"] = 13,
    };

    /// <summary>The instant in UTC, or null when the text is empty or not a date.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var parsed = IsoDate().Match(trimmed) is { Success: true } iso ? FromIso(iso) : FromRfc822(trimmed);
        return parsed?.ToUniversalTime();
    }

    private static DateTimeOffset? FromIso(Match m)
    {
        var offset = TimeSpan.Zero;
        if (m.Groups["zone"].Success && !TryZone(m.Groups["zone"].Value, out offset))
        {
            return null;
        }

        var fraction = m.Groups["fraction"].Success ? double.Parse("0." + m.Groups["fraction"].Value, CultureInfo.InvariantCulture) : 0;
        return Build(
            Number(m, "year"),
            Number(m, "month"),
            Number(m, "day"),
            m.Groups["hour"].Success ? Number(m, "hour") : 0,
            m.Groups["minute"].Success ? Number(m, "minute") : 0,
            m.Groups["second"].Success ? Number(m, "second") : 0,
            offset)?.AddTicks((long)(fraction * TimeSpan.TicksPerSecond));
    }

    private static DateTimeOffset? FromRfc822(string text)
    {
        int? day = null, month = null, year = null, hour = null, minute = null, second = null;
        TimeSpan? offset = null;
        var pm = (bool?)null;
        foreach (var raw in text.Split([' ', ',', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var token in Split(raw))
            {
                if (token.Contains(':', StringComparison.Ordinal) && hour is null && char.IsAsciiDigit(token[0]))
                {
                    if (!TryTime(token, out var h, out var mi, out var s))
                    {
                        return null;
                    }

                    (hour, minute, second) = (h, mi, s);
                }
                else if (token.All(char.IsAsciiDigit))
                {
                    if (token.Length > 4)
                    {
                        return null;
                    }

                    var value = int.Parse(token, CultureInfo.InvariantCulture);
                    if (token.Length <= 2 && day is null && !(month is not null && year is not null))
                    {
                        day = value;
                    }
                    else if (year is null && (token.Length >= 3 || (day is not null && month is not null)))
                    {
                        year = token.Length switch { 2 => value < 50 ? 2000 + value : 1900 + value, 3 => 1900 + value, _ => value };
                    }
                    else
                    {
                        return null;
                    }
                }
                else if (token.Equals("AM", StringComparison.OrdinalIgnoreCase) || token.Equals("PM", StringComparison.OrdinalIgnoreCase))
                {
                    pm = token.Equals("PM", StringComparison.OrdinalIgnoreCase);
                }
                else if (month is null && MonthOf(token) is { } m)
                {
                    month = m;
                }
                else if (Weekdays.Contains(token.TrimEnd('.')) && hour is null)
                {
                    continue;
                }
                else if (hour is not null && offset is null && TryZone(token, out var zone))
                {
                    offset = zone;
                }
                else if (hour is null && year is null && day is null && month is null && token.All(char.IsAsciiLetter) && token.Length <= 3)
                {
                    // A weekday in another language (Fr, Mi, Lun): nothing but a weekday sits before the day.
                    continue;
                }
                else
                {
                    return null;
                }
            }
        }

        if (day is null || month is null || year is null)
        {
            return null;
        }

        var hours = hour ?? 0;
        if (pm is { } afternoon)
        {
            if (hours is < 1 or > 12)
            {
                return null;
            }

            hours = (hours % 12) + (afternoon ? 12 : 0);
        }

        return Build(year.Value, month.Value, day.Value, hours, minute ?? 0, second ?? 0, offset ?? TimeSpan.Zero);
    }

    // "06-Nov-94" (RFC 850) and "14:20:00+0200" (no space before the zone) arrive as one token.
    private static string[] Split(string token)
    {
        var parts = token.Split('-');
        if (parts.Length == 3 && parts[0].Length > 0 && parts[0].All(char.IsAsciiDigit) && parts[1].All(char.IsAsciiLetter))
        {
            return parts;
        }

        var sign = token.IndexOfAny(['+', '-'], 1);
        return sign > 0 && token.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && colon < sign ? [token[..sign], token[sign..]] : [token];
    }

    private static int? MonthOf(string token)
    {
        var name = token.TrimEnd('.');
        if (name.Length < 3 || !name.All(char.IsAsciiLetter))
        {
            return null;
        }

        var index = Array.IndexOf(Months, name[..3].ToLowerInvariant());
        if (index < 0)
        {
            return null;
        }

        var full = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(index + 1);
        return name.Length == 3 || full.StartsWith(name, StringComparison.OrdinalIgnoreCase) || name.Equals("sept", StringComparison.OrdinalIgnoreCase) ? index + 1 : null;
    }

    private static bool TryTime(string token, out int hour, out int minute, out int second)
    {
        hour = minute = second = 0;
        var parts = token.Split(':');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length is 0 or > 2 && !p.Contains('.', StringComparison.Ordinal)))
        {
            return false;
        }

        var seconds = parts.Length == 3 ? parts[2].Split('.')[0] : "0";
        return int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out hour)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minute)
            && int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out second);
    }

    private static bool TryZone(string token, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        var zone = token.Trim('(', ')');
        if (Zones.TryGetValue(zone, out var hours))
        {
            offset = TimeSpan.FromHours(hours);
            return true;
        }

        if (zone.Length == 1 && char.IsAsciiLetter(zone[0]) && zone[0] is not ('J' or 'j'))
        {
            return true;
        }

        // "GMT+2", "UTC-05:00"
        foreach (var prefix in new[] { "GMT", "UTC", "UT" })
        {
            if (zone.Length > prefix.Length && zone.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && zone[prefix.Length] is '+' or '-')
            {
                zone = zone[prefix.Length..];
                break;
            }
        }

        var m = NumericZone().Match(zone);
        if (!m.Success)
        {
            return false;
        }

        var h = Number(m, "h");
        var minutes = m.Groups["m"].Success ? Number(m, "m") : 0;
        if (h > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(h, minutes, 0) * (m.Groups["sign"].Value == "-" ? -1 : 1);
        return true;
    }

    private static DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, TimeSpan offset)
    {
        if (year is < 2 or > 9998 || offset.Duration() > TimeSpan.FromHours(14) || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 60)
        {
            return null;
        }

        // A leap second is read as the last second of its minute.
        return new DateTimeOffset(new DateTime(year, month, day, hour, minute, Math.Min(second, 59), DateTimeKind.Unspecified), offset);
    }

    private static int Number(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<year>\d{4})-(?<month>\d{1,2})-(?<day>\d{1,2})(?:[Tt ]+(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:[.,](?<fraction>\d{1,9})\d*)?)?)?\s*(?<zone>[Zz]|[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{2,5})?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<sign>[+-])(?<h>\d{1,2})(?::?(?<m>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericZone();
}
