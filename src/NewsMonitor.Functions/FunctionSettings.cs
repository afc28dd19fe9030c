namespace NewsMonitor.Functions;

/// <summary>App settings the Functions host resolves in trigger attributes (<c>%Name%</c>).</summary>
internal static class FunctionSettings
{
    /// <summary>NCRONTAB (with seconds) for <see cref="ScheduleFeeds"/>; "0 */5 * * * *" in local.settings and infra.</summary>
    public const string PollSchedule = "%PollSchedule%";

    /// <summary>NCRONTAB for <see cref="SendDigests"/>; "0 0 * * * *" (hourly) in local.settings and infra.</summary>
    public const string DigestSchedule = "%DigestSchedule%";
}
