namespace NewsMonitor.Delivery.Digests;

/// <summary>
/// When a subscription channel's digest is due — the one place that decides it, for <c>SendDigests</c> and for
/// <c>monitor subscriptions</c>.
/// </summary>
public static class DigestSchedule
{
    private static readonly TimeSpan Probe = TimeSpan.FromMinutes(15);

    /// <summary>The occurrence a digest sent now would be for: the latest scheduled moment at or before <paramref name="now"/>.</summary>
    public static DateTimeOffset Occurrence(Subscription subscription, DateTimeOffset now)
        => subscription.Frequency.LatestOccurrence(now, subscription.TimeZone);

    /// <summary>Whether the schedule has come round since the channel's last run.</summary>
    public static bool IsDue(Subscription subscription, DateTimeOffset? lastRunAt, DateTimeOffset now)
        => lastRunAt is null || lastRunAt < Occurrence(subscription, now);

    /// <summary>
    /// The next moment a run sends this channel a digest: now when it is due or a delivery is pending (a missed or failed
    /// one), else the next scheduled occurrence.
    /// </summary>
    public static DateTimeOffset NextDue(Subscription subscription, DateTimeOffset? lastRunAt, bool pending, DateTimeOffset now)
    {
        if (pending || IsDue(subscription, lastRunAt, now))
        {
            return now;
        }

        // Stepping in quarter hours finds the next occurrence across DST changes, which make a "day" 23 or 25 hours.
        var latest = Occurrence(subscription, now);
        var probe = now;
        while (Occurrence(subscription, probe) == latest)
        {
            probe += Probe;
        }

        return Occurrence(subscription, probe);
    }
}
