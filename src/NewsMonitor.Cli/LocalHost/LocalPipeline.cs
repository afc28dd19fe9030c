using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsMonitor.Archive;
using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Alerts;
using NewsMonitor.Delivery.Channels;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Delivery.Spikes;
using NewsMonitor.Hosting;
using NewsMonitor.Ingestion;
using NewsMonitor.Lifecycle;
using NewsMonitor.Queues;
using NewsMonitor.Storage;

namespace NewsMonitor.Cli.LocalHost;

/// <summary>
/// Hosts the pipeline on this machine as the Functions app runs it in Azure: the queue stages on the WebJobs SDK's queue
/// listener (<see cref="ListenerHost"/>), the timers on their NCRONTAB schedules (<see cref="ScheduleTimer"/>), both
/// calling the stage descriptions of <see cref="PipelineStages"/>.
/// </summary>
internal sealed partial class LocalPipeline
{
    private readonly IServiceProvider services;
    private readonly IConfiguration configuration;
    private readonly MonitorStorage storage;
    private readonly StorageNames names;
    private readonly QueueCounters counters = new();
    private readonly LocalStages stages;
    private readonly ILoggerFactory loggers;
    private readonly ILogger logger;

    public LocalPipeline(IServiceProvider services, IConfiguration configuration)
    {
        this.services = services;
        this.configuration = configuration;
        storage = services.GetRequiredService<MonitorStorage>();
        names = new StorageNames(services.GetRequiredService<IOptions<MonitorOptions>>().Value.StoragePrefix);
        stages = new LocalStages(services, Summary);
        loggers = services.GetRequiredService<ILoggerFactory>();
        logger = loggers.CreateLogger("NewsMonitor.LocalHost");
    }

    public RunSummary Summary { get; } = new();

    /// <summary>
    /// Schedules every feed, handles what that queues until every queue is empty, then sends the digests that are due
    /// and maintains the archive.
    /// </summary>
    public async Task<RunSummary> RunOnceAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<FeedScheduler>().ScheduleAsync(all: true, cancellationToken).ConfigureAwait(false);
        await DrainAsync(cancellationToken).ConfigureAwait(false);
        var digests = await services.GetRequiredService<DigestRunner>().RunAsync(cancellationToken).ConfigureAwait(false);
        Summary.Digests.Add(digests.Select(d => d.Delivery));
        await MaintainArchiveAsync(cancellationToken).ConfigureAwait(false);
        await ApplyRetentionAsync(cancellationToken).ConfigureAwait(false);
        Summary.PoisonTotal = await PoisonCountAsync(cancellationToken).ConfigureAwait(false);
        Summary.Account = await services.GetRequiredService<ArticleAccounting>().ReadAsync(cancellationToken).ConfigureAwait(false);
        Summary.ConfigurationProblems = services.GetRequiredService<MonitorConfiguration>().Problems;
        return Summary;
    }

    /// <summary>
    /// Runs until cancelled: the timers on their schedules and the queue listener. At the stop, messages still held are
    /// released (counted in <see cref="Summary"/>) so the next run takes them at once.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var clock = services.GetRequiredService<TimeProvider>();
        var timers = PipelineStages.Timers.Select(stage => new ScheduleTimer(
            stage,
            ScheduleTimer.Schedule(stage, configuration),
            storage.Locks,
            stage == PipelineStages.CompactArchive ? MaintainArchiveAsync : stage == PipelineStages.ApplyRetention ? ApplyRetentionAsync : ct => stage.RunAsync(services, ct),
            clock,
            logger)).ToList();
        await Task.WhenAll(timers.Select(timer => timer.RunAsync(cancellationToken)).Append(ListenAsync(ct => Task.Delay(Timeout.Infinite, ct), cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the queue listener until <paramref name="until"/> completes or the run is cancelled, then stops it; what the
    /// listener did is counted into <see cref="Summary"/> either way.
    /// </summary>
    private async Task ListenAsync(Func<CancellationToken, Task> until, CancellationToken cancellationToken)
    {
        var waiting = until(cancellationToken);
        var restartDelay = TimeSpan.FromSeconds(1);
        try
        {
            while (true)
            {
                var failure = new ListenerFailure();
                using var stopping = new CancellationTokenSource();
                using var host = ListenerHost.Build(configuration, names, new QueueFunctions(stages), new CountingQueueProcessorFactory(counters, stopping.Token), loggers, failure);
                try
                {
                    await host.StartAsync(cancellationToken).ConfigureAwait(false);
                    if (await Task.WhenAny(waiting, failure.Failed).ConfigureAwait(false) == waiting)
                    {
                        await waiting.ConfigureAwait(false);
                        return;
                    }

                    LogListenerFailed(restartDelay.TotalSeconds, failure.Failed.Result.Message);
                }
                catch (Exception ex) when (StorageErrors.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
                {
                    LogListenerFailed(restartDelay.TotalSeconds, ex.Message);
                }
                finally
                {
                    await stopping.CancelAsync().ConfigureAwait(false);
                    await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
                }

                // As the Functions host restarts its job host after such an error; what the listener held comes back after its lease.
                await Task.Delay(restartDelay, cancellationToken).ConfigureAwait(false);
                restartDelay = TimeSpan.FromTicks(Math.Min(restartDelay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
        finally
        {
            Summary.Poisoned = counters.Poisoned;
            Summary.FailedAttempts = counters.Failed;
            Summary.Released = counters.Released;
            Summary.Unacknowledged = counters.Unacknowledged;
        }
    }

    /// <summary>Handles what the queues hold on the listener until every queue is empty, then stops the listener.</summary>
    public Task DrainAsync(CancellationToken cancellationToken) => ListenAsync(UntilDrainedAsync, cancellationToken);

    /// <summary>
    /// Returns once every queue is empty — no message visible, held, or waiting for a retry — and no handler runs, twice
    /// in a row. The SDK has no notion of a drained queue (its listener polls for ever), so <c>run --once</c> asks storage.
    /// </summary>
    private async Task UntilDrainedAsync(CancellationToken cancellationToken)
    {
        // A retry is invisible until its visibility timeout passes, so an empty receive is not the end: the count is.
        var emptyChecks = 0;
        while (emptyChecks < 2)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            var empty = stages.Running == 0 && await QueuedAsync(cancellationToken).ConfigureAwait(false) is 0;
            emptyChecks = empty ? emptyChecks + 1 : 0;
        }
    }

    /// <summary>The messages in every queue, or null while storage cannot say (an outage is not a drained queue).</summary>
    private async Task<int?> QueuedAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        try
        {
            foreach (var stage in PipelineStages.Queues)
            {
                QueueProperties properties = await storage.Queue(names.Queue(stage.Queue)).GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
                total += properties.ApproximateMessagesCount;
            }
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return total;
    }

    /// <summary>
    /// Compacts closed archive hours and deletes what is past the retention window: in Azure the
    /// <see cref="PipelineStages.CompactArchive"/> timer and the storage lifecycle policy do these, here this run does.
    /// </summary>
    private async Task MaintainArchiveAsync(CancellationToken cancellationToken)
    {
        await PipelineStages.CompactArchive.RunAsync(services, cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<ArchiveExpiry>().DeleteExpiredAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes what is past its retention window: the <see cref="PipelineStages.ApplyRetention"/> timer's tables, and the
    /// blobs the storage lifecycle rules delete in Azure, which Azurite does not have.
    /// </summary>
    private async Task ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        await PipelineStages.ApplyRetention.RunAsync(services, cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<DataRetention>().ApplyToBlobsAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> PoisonCountAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var stage in PipelineStages.Queues)
        {
            QueueProperties properties = await storage.PoisonQueue(storage.Queue(names.Queue(stage.Queue))).GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
            total += properties.ApproximateMessagesCount;
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The queue listener stopped on an error; restarting it in {Seconds} s: {Error}")]
    private partial void LogListenerFailed(double seconds, string error);
}
