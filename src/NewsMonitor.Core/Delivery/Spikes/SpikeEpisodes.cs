namespace NewsMonitor.Delivery.Spikes;

/// <summary>Which hours fired and which of them started an episode (and so alerted) over a replayed period.</summary>
public sealed record SpikeReplay(IReadOnlyList<DateTimeOffset> Fired, IReadOnlyList<DateTimeOffset> EpisodeStarts);

/// <summary>
/// Groups firing hours into episodes, one alert each: a fire within <see cref="CoolDown"/> of the episode's last firing
/// hour belongs to it, so a surge that ebbs and flows over an afternoon alerts once, and one that returns the next day
/// alerts again.
/// </summary>
public static class SpikeEpisodes
{
    public static readonly TimeSpan CoolDown = TimeSpan.FromHours(6);

    /// <summary>Whether a fire in the hour starting at <paramref name="hour"/> belongs to the episode that last fired at <paramref name="lastFired"/>.</summary>
    public static bool Continues(DateTimeOffset lastFired, DateTimeOffset hour) => hour - lastFired <= CoolDown;

    /// <summary>
    /// Judges every hour of [<paramref name="from"/>, <paramref name="to"/>) once it is complete, as the live check does
    /// with each article, for an entity watched from the series' first hour.
    /// </summary>
    public static SpikeReplay Replay(HourlySeries series, DateTimeOffset from, DateTimeOffset to, SpikeSettings settings)
    {
        var fired = new List<DateTimeOffset>();
        var starts = new List<DateTimeOffset>();
        for (var hour = from; hour < to; hour = hour.AddHours(1))
        {
            if (!SpikeDetector.Score(series, hour, settings, series.First).Fires)
            {
                continue;
            }

            if (fired.Count == 0 || !Continues(fired[^1], hour))
            {
                starts.Add(hour);
            }

            fired.Add(hour);
        }

        return new SpikeReplay(fired, starts);
    }
}
