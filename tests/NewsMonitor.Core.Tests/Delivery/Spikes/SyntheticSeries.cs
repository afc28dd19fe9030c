using System.Globalization;
using NewsMonitor.Delivery.Spikes;

namespace NewsMonitor.Tests.Delivery.Spikes;

/// <summary>
/// Five weeks of hourly counts from Monday 2026-10-05 00:00 UTC; the fifth week (from Monday 2026-11-02) is the one the
/// tests judge, so every hour of it has four weeks of history. Hours are named "Wed 14" (the hour from 14:00 UTC).
/// </summary>
internal static class SyntheticSeries
{
    public const int Weeks = 5;

    public static readonly DateTimeOffset First = new(2026, 10, 5, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset JudgedWeek = First.AddDays(28);

    private static readonly string[] Days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <param name="count">The count of each hour, by hours since <see cref="First"/>.</param>
    public static HourlySeries Of(Func<int, int> count) => new(First, Enumerable.Range(0, Weeks * 168).Select(count).ToArray());

    /// <summary>4 mentions every hour.</summary>
    public static HourlySeries Steady() => Of(_ => 4);

    /// <summary>20 an hour on weekdays 09:00-17:59 UTC, 1 an hour otherwise.</summary>
    public static HourlySeries WeeklyRhythm() => Of(Rhythm);

    /// <summary>Steady at 4 an hour, but 40, 60, 30 in the hours from Wednesday 14:00 of the judged week.</summary>
    public static HourlySeries OneSurge() => Of(t => Surge(t, Hour("Wed 14")));

    /// <summary>Two surges like <see cref="OneSurge"/>, the second <paramref name="hoursLater"/> hours after the first.</summary>
    public static HourlySeries TwoSurges(int hoursLater) => Of(t => Math.Max(Surge(t, Hour("Wed 14")), Surge(t, Hour("Wed 14") + hoursLater)));

    /// <summary>One more mention an hour each day: 1 an hour on the first day, 35 on the last.</summary>
    public static HourlySeries SlowRise() => Of(t => 1 + (t / 24));

    /// <summary>Never mentioned, then 1 an hour from Wednesday 13:00 to 15:59 of the judged week: 1 → 3 in three hours.</summary>
    public static HourlySeries SilentThenThree() => Of(t => t >= Hour("Wed 13") && t < Hour("Wed 16") ? 1 : 0);

    /// <summary>Never mentioned, then 2 an hour from Wednesday 13:00 to 15:59 of the judged week: 6 in three hours.</summary>
    public static HourlySeries SilentThenSix() => Of(t => t >= Hour("Wed 13") && t < Hour("Wed 16") ? 2 : 0);

    /// <summary>The hour of the judged week named like "Wed 14", as hours since <see cref="First"/>.</summary>
    public static int Hour(string name)
    {
        var parts = name.Split(' ');
        return (28 * 24) + (Array.IndexOf(Days, parts[0]) * 24) + int.Parse(parts[1], CultureInfo.InvariantCulture);
    }

    public static DateTimeOffset At(string name) => First.AddHours(Hour(name));

    public static string Name(DateTimeOffset hour)
        => string.Create(CultureInfo.InvariantCulture, $"{Days[(int)(hour - First).TotalDays % 7]} {hour.Hour:00}");

    private static int Rhythm(int t)
    {
        var day = t / 24 % 7;
        var hour = t % 24;
        return day < 5 && hour is >= 9 and <= 17 ? 20 : 1;
    }

    private static int Surge(int t, int start) => (t - start) switch
    {
        0 => 40,
        1 => 60,
        2 => 30,
        _ => 4,
    };
}
