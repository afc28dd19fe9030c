namespace NewsMonitor.Delivery.Spikes;

/// <summary>
/// Decides whether an entity's last <see cref="WindowHours"/> hours are a spike. The baseline is the largest of three
/// robust levels: the median of the same hours of the week over the past <see cref="Weeks"/> weeks (a weekly rhythm —
/// Monday mornings, quiet weekends — is usual, and one past surge does not move a median); the median of the same
/// hours of the day over the past <see cref="Days"/> days (a daily rhythm — the morning briefing, the evening
/// bulletin — is usual before four weeks of history exist); and the upper quartile of the <see cref="RecentHours"/>
/// hours before the window (a story that has run for a day is the new usual, so a slow rise or a long news cycle never
/// fires; the day's busy hours, not its nights, set the level). A window fires when it
/// holds at least the minimum count, is <see cref="SpikeSettings.MinRatio"/> times the baseline, and would be that
/// high with probability at most <see cref="SpikeSettings.MaxTailProbability"/> if mentions came at the baseline's
/// rate (Poisson): the ratio guards big, over-dispersed counts, the tail small ones. Nothing fires until the entity
/// has been watched for <see cref="WarmUp"/>: without history, a deployment's first poll (every feed's backlog counted
/// in one hour) would be a spike of every entity. Pure: the same series fires at the same hours wherever it runs.
/// </summary>
public static class SpikeDetector
{
    public const int WindowHours = 3;
    public const int Weeks = 4;
    public const int RecentHours = 24;
    public const double RecentQuantile = 0.75;

    public const int Days = 7;

    /// <summary>Seasonal baselines need this many past weeks of history; with fewer, the other levels stand alone.</summary>
    public const int MinSeasonalWeeks = 2;

    /// <summary>Daily baselines need this many past days of history: one day alone may be an accident.</summary>
    public const int MinDailyDays = 2;

    /// <summary>The least a window's baseline can be: an entity never mentioned still needs more than a couple of mentions to spike.</summary>
    public const double Floor = 1.0;

    /// <summary>How long an entity is watched before its windows can fire.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromHours(24);

    /// <summary>How much history a judgement reads before the window: the weeks of seasonal baselines.</summary>
    public static readonly TimeSpan History = TimeSpan.FromHours((Weeks * 168) + WindowHours);

    /// <summary>Judges the window that ends with the hour starting at <paramref name="hour"/>.</summary>
    /// <param name="watchedSince">When spike checks of the entity began: its history before then is unknown, not quiet.</param>
    public static SpikeScore Score(HourlySeries series, DateTimeOffset hour, SpikeSettings settings, DateTimeOffset watchedSince)
    {
        var count = series.Sum(hour, WindowHours);
        var seasonal = SameHours(series, hour, TimeSpan.FromDays(7), Weeks, MinSeasonalWeeks);
        var daily = SameHours(series, hour, TimeSpan.FromDays(1), Days, MinDailyDays);
        var recent = Recent(series, hour);
        var expected = Math.Max(Floor, Math.Max(Math.Max(seasonal ?? 0, daily ?? 0), recent));
        var tail = PoissonTail.AtLeast(count, expected);
        var warmingUp = hour.AddHours(1 - WindowHours) - watchedSince < WarmUp;
        var fires = !warmingUp && count >= settings.MinCount && count >= settings.MinRatio * expected && tail <= settings.MaxTailProbability;
        return new SpikeScore(hour, count, seasonal, daily, recent, expected, tail, fires) { WarmingUp = warmingUp };
    }

    /// <summary>The median window of the same hours 1 to <paramref name="periods"/> periods back that the series covers; null with fewer than <paramref name="atLeast"/>.</summary>
    private static double? SameHours(HourlySeries series, DateTimeOffset hour, TimeSpan period, int periods, int atLeast)
    {
        var windows = new List<double>();
        for (var back = 1; back <= periods; back++)
        {
            var last = hour - (period * back);
            if (series.Covers(last.AddHours(1 - WindowHours)))
            {
                windows.Add(series.Sum(last, WindowHours));
            }
        }

        return windows.Count < atLeast ? null : Median(windows);
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
