namespace NewsMonitor.Hosting;

/// <summary>
/// A timer-triggered stage, declared once: its function name, the app setting that holds its NCRONTAB schedule (none
/// for a fixed schedule), the schedule used when the setting is absent, and the Core handler it calls.
/// </summary>
public sealed class TimerStage(string name, string? scheduleSetting, string defaultSchedule, Func<IServiceProvider, CancellationToken, Task> handler)
{
    public string Name { get; } = name;

    public string? ScheduleSetting { get; } = scheduleSetting;

    public string DefaultSchedule { get; } = defaultSchedule;

    /// <summary>The schedule as a Functions trigger attribute names it: <c>%Setting%</c>, or the fixed expression.</summary>
    public string TriggerSchedule => ScheduleSetting is null ? DefaultSchedule : $"%{ScheduleSetting}%";

    public Task RunAsync(IServiceProvider services, CancellationToken cancellationToken = default) => handler(services, cancellationToken);
}
