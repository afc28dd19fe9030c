using NewsMonitor.Storage;

namespace NewsMonitor.Reading.Volume;

/// <summary>
/// An entity's matched articles per UTC hour or UTC day over a period, every bucket present (zeros included) so a
/// chart needs no gap filling. The first bucket is the one that holds <see cref="From"/>, the last the one that holds
/// the moment just before <see cref="To"/>; both may be partly outside the period and are counted whole.
/// </summary>
public sealed record VolumeSeries(string EntityId, string Name, VolumeBucketSize Bucket, DateTimeOffset From, DateTimeOffset To, int Total, IReadOnlyList<VolumeBucket> Buckets)
{
    /// <summary>Days are UTC days: hours are stored per UTC hour and a day is the sum of its 24.</summary>
    public string TimeZone { get; } = "UTC";

    /// <param name="hours">Stored hours; those outside the buckets are ignored.</param>
    public static VolumeSeries Of(string entityId, string name, VolumeRequest request, IEnumerable<HourVolume> hours)
    {
        var first = Floor(request.From, request.Bucket);
        var last = Floor(request.To.AddTicks(-1), request.Bucket);
        var width = request.Bucket == VolumeBucketSize.Hour ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
        var counts = new int[(int)((last - first) / width) + 1];
        foreach (var hour in hours)
        {
            var index = (hour.Hour - first).Ticks / width.Ticks;
            if (hour.Hour >= first && index < counts.Length)
            {
                counts[index] += hour.Count;
            }
        }

        var buckets = counts.Select((count, i) => new VolumeBucket(first + (width * i), count)).ToList();
        return new VolumeSeries(entityId, name, request.Bucket, first, last + width, counts.Sum(), buckets);
    }

    /// <summary>The start of the UTC hour or day that holds <paramref name="moment"/>.</summary>
    public static DateTimeOffset Floor(DateTimeOffset moment, VolumeBucketSize bucket)
        => bucket == VolumeBucketSize.Hour ? HourlyVolumeStore.HourOf(moment) : new DateTimeOffset(moment.UtcDateTime.Date, TimeSpan.Zero);
}
