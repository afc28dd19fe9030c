using System.Globalization;

namespace NewsMonitor.Reading;

/// <summary>Parses the time filters users type: ISO-8601 instants, or a duration back from now such as <c>30m</c>, <c>24h</c>, <c>7d</c>, <c>2w</c>.</summary>
public static class TimeExpression
{
    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (TryParseDuration(text, out var duration))
        {
            value = now - duration;
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            return true;
        }

        return false;
    }

    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        if (text.Length < 2 || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > 100_000)
        {
            return false;
        }

        TimeSpan? unit = char.ToLowerInvariant(text[^1]) switch
        {
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            'w' => TimeSpan.FromDays(7),
            _ => null,
        };
        if (unit is null)
        {
            return false;
        }

        duration = unit.Value * amount;
        return true;
    }
}
