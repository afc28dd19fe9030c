using NewsMonitor.Storage;

namespace NewsMonitor.Delivery.Spikes;

/// <summary>An entity's mentions per UTC hour from <see cref="First"/>, one count per hour; hours before it are unknown, hours after the last are zero.</summary>
public sealed record HourlySeries(DateTimeOffset First, IReadOnlyList<int> Counts)
{
    /// <summary>The hours of [<paramref name="first"/>, <paramref name="end"/>) as stored: hours without a row had no match.</summary>
    public static HourlySeries From(IEnumerable<HourVolume> hours, DateTimeOffset first, DateTimeOffset end)
    {
        first = HourlyVolumeStore.HourOf(first);
        var counts = new int[Math.Max(0, (int)Math.Ceiling((end - first).TotalHours))];
        foreach (var hour in hours)
        {
            var index = (int)(hour.Hour - first).TotalHours;
            if (index >= 0 && index < counts.Length)
            {
                counts[index] += hour.Count;
            }
        }

        return new HourlySeries(first, counts);
    }

    public bool Covers(DateTimeOffset hour) => hour >= First;

    /// <summary>The count of the hour starting at <paramref name="hour"/>; zero for hours not covered.</summary>
    public int At(DateTimeOffset hour)
    {
        var index = (long)(hour - First).TotalHours;
        return index >= 0 && index < Counts.Count ? Counts[(int)index] : 0;
    }

    /// <summary>The sum of <paramref name="hours"/> hours ending with the one that starts at <paramref name="last"/>.</summary>
    public int Sum(DateTimeOffset last, int hours)
    {
        var sum = 0;
        for (var i = 0; i < hours; i++)
        {
            sum += At(last.AddHours(-i));
        }

        return sum;
    }
}
