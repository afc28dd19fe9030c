using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NCrontab;
using NewsMonitor.Cli.LocalHost;
using NewsMonitor.Hosting;

namespace NewsMonitor.IntegrationTests;

/// <summary>A timer whose occurrence went by while no run was up runs at once on the next start, as the Functions timer's schedule monitor does.</summary>
[Collection(SharedAzurite.Name)]
[Trait("Category", "Reliability")]
public sealed class TimerPastDueTests(LocalEnvironment environment)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 2, 30, TimeSpan.Zero);

    public static TheoryData<string, DateTimeOffset?, int> Starts => new()
    {
        { "a first start runs nothing before its first occurrence", null, 0 },
        { "a start after a recorded occurrence went by runs it at once", Now.AddHours(-1), 1 },
        { "a start before the recorded occurrence waits for it", Now.AddMinutes(1), 0 },
    };

    [Theory]
    [MemberData(nameof(Starts))]
    public async Task ATimerRunsAtStartOnlyWhenAnOccurrenceWentByUnrun(string because, DateTimeOffset? recordedNext, int runsAtStart)
    {
        var deployment = environment.NewDeployment();
        await deployment.Storage.EnsureCreatedAsync();
        if (recordedNext is { } next)
        {
            await deployment.Storage.Locks.GetBlobClient("ScheduleFeeds.next").UploadAsync(BinaryData.FromString(next.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var clock = new FakeTimeProvider(Now);
        var runs = 0;
        var timer = new ScheduleTimer(PipelineStages.ScheduleFeeds, CrontabSchedule.Parse("0 */5 * * * *", new CrontabSchedule.ParseOptions { IncludingSeconds = true }), deployment.Storage.Locks, _ =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        }, clock, NullLogger.Instance);
        using var stop = new CancellationTokenSource();

        var running = timer.RunAsync(stop.Token);
        var written = await WaitForRecordAsync(deployment, recordedNext);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.True(runs == runsAtStart, because);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 5, 0, TimeSpan.Zero), written);
    }

    /// <summary>The next occurrence the timer records before it waits: its sign that it has started.</summary>
    private static async Task<DateTimeOffset> WaitForRecordAsync(TestDeployment deployment, DateTimeOffset? before)
    {
        var blob = deployment.Storage.Locks.GetBlobClient("ScheduleFeeds.next");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await blob.ExistsAsync())
            {
                var next = DateTimeOffset.Parse((await blob.DownloadContentAsync()).Value.Content.ToString(), System.Globalization.CultureInfo.InvariantCulture);
                if (next != before)
                {
                    return next;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the timer recorded no next occurrence within 30 s");
    }
}
