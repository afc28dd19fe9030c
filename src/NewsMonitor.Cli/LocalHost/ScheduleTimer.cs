using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NCrontab;
using NewsMonitor.Cli.Commands;
using NewsMonitor.Hosting;

namespace NewsMonitor.Cli.LocalHost;

/// <summary>
/// Runs a <see cref="TimerStage"/> on its NCRONTAB schedule as the Functions timer trigger does. Past-due: each timer
/// records its next occurrence in storage before waiting for it, and a run that starts after a recorded occurrence
/// went by (the machine slept, no run was up) runs the timer at once, as the trigger's schedule monitor does. One
/// process at a time: the handlers take their schedule's <see cref="Storage.SingletonLock"/> themselves, in Azure too.
/// </summary>
internal sealed partial class ScheduleTimer(TimerStage stage, CrontabSchedule schedule, BlobContainerClient status, Func<CancellationToken, Task> run, TimeProvider clock, ILogger logger)
{
    public static CrontabSchedule Schedule(TimerStage stage, IConfiguration configuration)
    {
        var expression = (stage.ScheduleSetting is null ? null : configuration[stage.ScheduleSetting]) ?? stage.DefaultSchedule;
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 })
            ?? throw new UsageException($"{stage.ScheduleSetting}: \"{expression}\" is not an NCRONTAB expression (e.g. \"{stage.DefaultSchedule}\")");
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var blob = status.GetBlobClient(stage.Name + ".next");
        if (await RecordedNextAsync(blob, cancellationToken).ConfigureAwait(false) is { } missed && missed < clock.GetUtcNow())
        {
            LogPastDue(stage.Name, missed);
            await RunOnceAsync(cancellationToken).ConfigureAwait(false);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = new DateTimeOffset(schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
            await RecordAsync(blob, next, cancellationToken).ConfigureAwait(false);
            await Task.Delay(next - now, clock, cancellationToken).ConfigureAwait(false);
            await RunOnceAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await run(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // As in the Functions host, a failed timer run is logged and the next occurrence runs as usual.
            LogTimerFailed(stage.Name, ex.Message);
        }
    }

    private async Task<DateTimeOffset?> RecordedNextAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return DateTimeOffset.TryParse(content.Value.Content.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var next) ? next : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Storage is unreachable: the timer runs on its schedule and leaves the past-due check to the next start.
            LogStatusNotRecorded(stage.Name, ex.Message);
            return null;
        }
    }

    private async Task RecordAsync(BlobClient blob, DateTimeOffset next, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadAsync(BinaryData.FromString(next.ToString("O", CultureInfo.InvariantCulture)), overwrite: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Only the past-due check after a restart needs the record; the schedule itself goes on without it.
            LogStatusNotRecorded(stage.Name, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {Timer} is past due (its occurrence at {Missed:O} went by while no run was up): running it now")]
    private partial void LogPastDue(string timer, DateTimeOffset missed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {Timer} failed: {Error}")]
    private partial void LogTimerFailed(string timer, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {Timer}: its next occurrence could not be read or recorded for the past-due check: {Error}")]
    private partial void LogStatusNotRecorded(string timer, string error);
}
