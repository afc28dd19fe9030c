using NewsMonitor.Storage;

namespace NewsMonitor.Pipeline;

/// <summary>
/// Counts an entity's matches into UTC day and hour buckets and by outlet. The periods end with the bucket that holds
/// "now" (partly elapsed), so today's and this hour's matches show at once; a match counts in the bucket where
/// start ≤ time &lt; start + width.
/// </summary>
public sealed record EntityVolume(IReadOnlyList<VolumeBucket> Daily, IReadOnlyList<VolumeBucket> Hourly, IReadOnlyList<OutletCount> TopOutlets)
{
    public const int Days = 30;
    public const int Hours = 48;
    public const int Outlets = 10;

    /// <summary>Where the longest period (the 30 days) starts: 00:00 UTC 29 days before today.</summary>
    public static DateTimeOffset Start(DateTimeOffset now) => DayOf(now).AddDays(1 - Days);

    /// <param name="moments">The matches to count; those outside the periods are ignored.</param>
    public static EntityVolume Count(IEnumerable<MatchMoment> moments, DateTimeOffset now)
    {
        var firstDay = Start(now);
        var firstHour = HourOf(now).AddHours(1 - Hours);
        var daily = new int[Days];
        var hourly = new int[Hours];
        var outlets = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var moment in moments)
        {
            var sinceFirstDay = (moment.At - firstDay).Ticks;
            if (sinceFirstDay < 0 || sinceFirstDay / TimeSpan.TicksPerDay >= Days)
            {
                continue;
            }

            var day = (int)(sinceFirstDay / TimeSpan.TicksPerDay);
            daily[day]++;
            outlets[moment.FeedId] = outlets.GetValueOrDefault(moment.FeedId) + 1;
            var sinceFirstHour = (moment.At - firstHour).Ticks;
            if (sinceFirstHour >= 0 && sinceFirstHour / TimeSpan.TicksPerHour < Hours)
            {
                hourly[sinceFirstHour / TimeSpan.TicksPerHour]++;
            }
        }

        return new EntityVolume(
            daily.Select((count, i) => new VolumeBucket(firstDay.AddDays(i), count)).ToList(),
            hourly.Select((count, i) => new VolumeBucket(firstHour.AddHours(i), count)).ToList(),
            outlets.OrderByDescending(o => o.Value).ThenBy(o => o.Key, StringComparer.Ordinal).Take(Outlets).Select(o => new OutletCount(o.Key, o.Value)).ToList());
    }

    private static DateTimeOffset DayOf(DateTimeOffset moment) => new(moment.UtcDateTime.Date, TimeSpan.Zero);

    private static DateTimeOffset HourOf(DateTimeOffset moment) => DayOf(moment).AddHours(moment.UtcDateTime.Hour);
}
