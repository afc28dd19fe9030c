using NewsMonitor.Configuration;
using NewsMonitor.Feeds;
using NewsMonitor.Storage;

namespace NewsMonitor.Ingestion;

/// <summary>When a feed is due again, from its own signals and its recent failures.</summary>
public static class PollTiming
{
    /// <summary>
    /// The scheduler's due rule: an enabled feed whose next poll has come and, when feeds.json gives it a
    /// <c>pollInterval</c>, whose last poll is at least that long ago. <paramref name="all"/> (<c>monitor run --once</c>)
    /// ignores the timing, never the switch: a disabled feed is not polled at all.
    /// </summary>
    public static bool IsDue(FeedSource feed, FeedState state, DateTimeOffset now, bool all)
        => feed.Enabled
            && (all || ((state.NextPollAt is not { } next || next <= now)
                && (feed.PollInterval is not { } least || state.LastPolledAt is not { } last || last + least <= now)));

    /// <param name="hint">What the feed (ttl, sy:updatePeriod) or the server (Cache-Control max-age, Expires) asked for, if anything.</param>
    public static TimeSpan AfterSuccess(TimeSpan? hint, MonitorOptions options)
        => Clamp(hint ?? options.PollInterval, options.MinPollInterval, options.MaxPollInterval);

    /// <param name="retryAfter">The server's Retry-After (429, 503): honoured, within the poll limits.</param>
    public static TimeSpan AfterFailure(int failures, bool permanent, TimeSpan? retryAfter, MonitorOptions options)
        => retryAfter is { } wait ? Clamp(wait, options.MinPollInterval, options.MaxBackoff) : Backoff(failures, permanent, options);

    /// <summary>Exponential backoff from the poll interval with ±20 % jitter; permanent errors start four times higher.</summary>
    public static TimeSpan Backoff(int failures, bool permanent, MonitorOptions options)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 20)) * (permanent ? 4 : 1);
        var delay = Math.Min(options.PollInterval.TotalSeconds * factor, options.MaxBackoff.TotalSeconds);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromSeconds(Math.Min(delay * jitter, options.MaxBackoff.TotalSeconds));
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;
}
