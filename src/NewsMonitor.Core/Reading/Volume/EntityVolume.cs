using NewsMonitor.Storage;

namespace NewsMonitor.Reading.Volume;

/// <summary>
/// Adds an entity's hourly counts up into UTC day and hour buckets and by outlet. The periods end with the bucket that
/// holds "now" (partly elapsed), so today's and this hour's matches show at once.
/// </summary>
public sealed record EntityVolume(IReadOnlyList<VolumeBucket> Daily, IReadOnlyList<VolumeBucket> Hourly, IReadOnlyList<OutletCount> TopOutlets)
{
    public const int Days = 30;
    public const int Hours = 48;
    public const int Outlets = 10;

    /// <summary>Where the longest period (the 30 days) starts: 00:00 UTC 29 days before today.</summary>
    public static DateTimeOffset Start(DateTimeOffset now) => new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1 - Days);

    /// <param name="hours">The hours to add up; those outside the periods are ignored.</param>
    public static EntityVolume Count(IEnumerable<HourVolume> hours, DateTimeOffset now)
    {
        var firstDay = Start(now);
        var firstHour = HourlyVolumeStore.HourOf(now).AddHours(1 - Hours);
        var daily = new int[Days];
        var hourly = new int[Hours];
        var outlets = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var hour in hours)
        {
            var day = Index(hour.Hour - firstDay, TimeSpan.TicksPerDay, Days);
            if (day is null)
            {
                continue;
            }

            daily[day.Value] += hour.Count;
            foreach (var (feed, count) in hour.Feeds)
            {
                outlets[feed] = outlets.GetValueOrDefault(feed) + count;
            }

            if (Index(hour.Hour - firstHour, TimeSpan.TicksPerHour, Hours) is { } index)
            {
                hourly[index] += hour.Count;
            }
        }

        return new EntityVolume(
            daily.Select((count, i) => new VolumeBucket(firstDay.AddDays(i), count)).ToList(),
            hourly.Select((count, i) => new VolumeBucket(firstHour.AddHours(i), count)).ToList(),
            outlets.OrderByDescending(o => o.Value).ThenBy(o => o.Key, StringComparer.Ordinal).Take(Outlets).Select(o => new OutletCount(o.Key, o.Value)).ToList());
    }

    /// <summary>The bucket of a time since the first bucket's start, or null outside the buckets.</summary>
    private static int? Index(TimeSpan sinceFirst, long ticksPerBucket, int buckets)
        => sinceFirst.Ticks >= 0 && sinceFirst.Ticks / ticksPerBucket < buckets ? (int)(sinceFirst.Ticks / ticksPerBucket) : null;
}
