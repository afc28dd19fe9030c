namespace NewsMonitor.Spikes;

/// <summary>
/// Decides whether an entity's last <see cref="WindowHours"/> hours are a spike. The baseline is the larger of two
/// robust levels: the median of the same hours of the week over the past <see cref="Weeks"/> weeks (a weekly rhythm —
/// Monday mornings, quiet weekends — is usual, and one past surge does not move a median), and the upper quartile of
/// the <see cref="RecentHours"/> hours before the window (a story that has run for a day is the new usual, so a slow
/// rise or a long news cycle never fires; the day's busy hours, not its nights, set the level). A window fires when it
/// holds at least the minimum count, is <see cref="SpikeSettings.MinRatio"/> times the baseline, and would be that
/// high with probability at most <see cref="SpikeSettings.MaxTailProbability"/> if mentions came at the baseline's
/// rate (Poisson): the ratio guards big, over-dispersed counts, the tail small ones. Pure: the same series fires at
/// the same hours wherever it runs.
/// </summary>
public static class SpikeDetector
{
    public const int WindowHours = 3;
    public const int Weeks = 4;
    public const int RecentHours = 24;
    public const double RecentQuantile = 0.75;

    /// <summary>Seasonal baselines need this many past weeks of history; with fewer, the recent level stands alone.</summary>
    public const int MinSeasonalWeeks = 2;

    /// <summary>The least a window's baseline can be: an entity never mentioned still needs more than a couple of mentions to spike.</summary>
    public const double Floor = 1.0;

    /// <summary>How much history a judgement reads before the window: the weeks of seasonal baselines.</summary>
    public static readonly TimeSpan History = TimeSpan.FromHours((Weeks * 168) + WindowHours);

    /// <summary>Judges the window that ends with the hour starting at <paramref name="hour"/>.</summary>
    public static SpikeScore Score(HourlySeries series, DateTimeOffset hour, SpikeSettings settings)
    {
        var count = series.Sum(hour, WindowHours);
        var seasonal = Seasonal(series, hour);
        var recent = Recent(series, hour);
        var expected = Math.Max(Floor, Math.Max(seasonal ?? 0, recent));
        var tail = PoissonTail.AtLeast(count, expected);
        var fires = count >= settings.MinCount && count >= settings.MinRatio * expected && tail <= settings.MaxTailProbability;
        return new SpikeScore(hour, count, seasonal, recent, expected, tail, fires);
    }

    /// <summary>The median window of the same hours 1 to <see cref="Weeks"/> weeks back that the series covers; null with too few.</summary>
    private static double? Seasonal(HourlySeries series, DateTimeOffset hour)
    {
        var windows = new List<double>();
        for (var week = 1; week <= Weeks; week++)
        {
            var last = hour.AddDays(-7 * week);
            if (series.Covers(last.AddHours(1 - WindowHours)))
            {
                windows.Add(series.Sum(last, WindowHours));
            }
        }

        return windows.Count < MinSeasonalWeeks ? null : Median(windows);
    }

    /// <summary>A window's worth at the upper quartile (nearest rank) of the hourly counts of the day before the window.</summary>
    private static double Recent(HourlySeries series, DateTimeOffset hour)
    {
        var counts = new List<int>();
        var windowStart = hour.AddHours(1 - WindowHours);
        for (var i = 1; i <= RecentHours; i++)
        {
            var past = windowStart.AddHours(-i);
            if (series.Covers(past))
            {
                counts.Add(series.At(past));
            }
        }

        if (counts.Count == 0)
        {
            return 0;
        }

        counts.Sort();
        var rank = (int)Math.Ceiling(RecentQuantile * counts.Count);
        return counts[rank - 1] * (double)WindowHours;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
