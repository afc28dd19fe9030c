using System.Text.Json;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NCrontab;
using NewsMonitor.Pipeline;
using NewsMonitor.Storage;

namespace NewsMonitor.Cli.LocalHost;

/// <summary>
/// Hosts the Core stage handlers against storage the way the Functions app does: the same queues, tables and blobs, the
/// queue settings of host.json, and the two timers on their NCRONTAB schedules.
/// </summary>
internal sealed partial class LocalPipeline
{
    private readonly IServiceProvider services;
    private readonly MonitorStorage storage;
    private readonly QueueWorker feeds;
    private readonly QueueWorker articles;
    private readonly QueueWorker alerts;
    private readonly QueueSettings settings;
    private readonly ILogger logger;

    public LocalPipeline(IServiceProvider services, QueueSettings settings)
    {
        this.services = services;
        this.settings = settings;
        storage = services.GetRequiredService<MonitorStorage>();
        logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("NewsMonitor.LocalHost");
        var poller = services.GetRequiredService<FeedPoller>();
        var processor = services.GetRequiredService<ArticleProcessor>();
        feeds = new QueueWorker(storage.FeedsQueue, storage.PoisonQueue(storage.FeedsQueue), settings, async (text, ct) =>
        {
            var outcome = await poller.PollAsync(Deserialize<FeedMessage>(text, storage.FeedsQueue.Name), ct).ConfigureAwait(false);
            Summary.Polled(outcome.Error is not null, outcome.NotModified, outcome.NewItems);
        }, logger);
        articles = new QueueWorker(storage.ArticlesQueue, storage.PoisonQueue(storage.ArticlesQueue), settings, async (text, ct) =>
        {
            var outcome = await processor.ProcessAsync(Deserialize<ArticleMessage>(text, storage.ArticlesQueue.Name), ct).ConfigureAwait(false);
            Summary.Processed(outcome.Matched, outcome.DuplicateOf is not null, outcome.AlreadyProcessed);
        }, logger);
        var deliverer = services.GetRequiredService<AlertDeliverer>();
        alerts = new QueueWorker(storage.AlertsQueue, storage.PoisonQueue(storage.AlertsQueue), settings, async (text, ct) =>
        {
            Summary.AlertsSent(await deliverer.DeliverAsync(Deserialize<AlertMessage>(text, storage.AlertsQueue.Name), ct).ConfigureAwait(false));
        }, logger);
    }

    public RunSummary Summary { get; } = new();

    public async Task<RunSummary> RunOnceAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<FeedScheduler>().ScheduleAsync(all: true, cancellationToken).ConfigureAwait(false);
        await DrainAsync(cancellationToken).ConfigureAwait(false);
        var digests = await services.GetRequiredService<DigestRunner>().RunAsync(cancellationToken).ConfigureAwait(false);
        Summary.DigestsStored = digests.Count(d => d.BlobPath is not null);
        Summary.Poisoned = feeds.Counters.Poisoned + articles.Counters.Poisoned + alerts.Counters.Poisoned;
        Summary.FailedAttempts = feeds.Counters.Failed + articles.Counters.Failed + alerts.Counters.Failed;
        Summary.PoisonTotal = await PoisonCountAsync(cancellationToken).ConfigureAwait(false);
        Summary.Account = await services.GetRequiredService<ArticleAccounting>().ReadAsync(cancellationToken).ConfigureAwait(false);
        return Summary;
    }

    /// <summary>Runs until cancelled: timers on their schedules, queues polled with the host's backoff.</summary>
    public async Task RunAsync(CrontabSchedule pollSchedule, CrontabSchedule digestSchedule, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var scheduler = services.GetRequiredService<FeedScheduler>();
        var digests = services.GetRequiredService<DigestRunner>();
        await Task.WhenAll(
            TimerAsync("ScheduleFeeds", pollSchedule, ct => scheduler.ScheduleAsync(all: false, ct), cancellationToken),
            TimerAsync("SendDigests", digestSchedule, digests.RunAsync, cancellationToken),
            PollQueueAsync(feeds, cancellationToken),
            PollQueueAsync(articles, cancellationToken),
            PollQueueAsync(alerts, cancellationToken)).ConfigureAwait(false);
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        // Retried messages are invisible until their visibility timeout passes, so an empty receive is not the end:
        // the queues are drained only when they hold no message at all.
        var idleDelay = TimeSpan.FromMilliseconds(Math.Clamp(settings.VisibilityTimeout.TotalMilliseconds / 4, 50, 1000));
        var outageDelay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                var received = await Task.WhenAll(feeds.RunBatchAsync(cancellationToken), articles.RunBatchAsync(cancellationToken), alerts.RunBatchAsync(cancellationToken)).ConfigureAwait(false);
                outageDelay = TimeSpan.FromSeconds(1);
                if (received.Sum() > 0)
                {
                    continue;
                }

                if (await feeds.IsEmptyAsync(cancellationToken).ConfigureAwait(false)
                    && await articles.IsEmptyAsync(cancellationToken).ConfigureAwait(false)
                    && await alerts.IsEmptyAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                await Task.Delay(idleDelay, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (StorageErrors.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
            {
                // An outage longer than the SDK's own retries (about 25 s for queues) pauses the run rather than ending
                // it; what the run held comes back after its lease.
                LogStorageUnavailable(outageDelay.TotalSeconds, ex.Message);
                await Task.Delay(outageDelay, cancellationToken).ConfigureAwait(false);
                outageDelay = TimeSpan.FromTicks(Math.Min(outageDelay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    private async Task PollQueueAsync(QueueWorker worker, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await worker.RunBatchAsync(cancellationToken).ConfigureAwait(false) > 0)
                {
                    delay = TimeSpan.FromMilliseconds(100);
                    continue;
                }
            }
            catch (Exception ex) when (StorageErrors.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
            {
                LogQueueError(worker.QueueName, ex.Message);
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxPollingInterval.Ticks));
        }
    }

    private async Task TimerAsync(string name, CrontabSchedule schedule, Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = DateTime.UtcNow;
            var next = schedule.GetNextOccurrence(now);
            await Task.Delay(next - now, cancellationToken).ConfigureAwait(false);
            try
            {
                await run(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // As in the Functions host, a failed timer run is logged and the next occurrence runs as usual.
                LogTimerFailed(name, ex.Message);
            }
        }
    }

    private async Task<int> PoisonCountAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var queue in new[] { storage.FeedsQueue, storage.ArticlesQueue, storage.AlertsQueue })
        {
            QueueProperties properties = await storage.PoisonQueue(queue).GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
            total += properties.ApproximateMessagesCount;
        }

        return total;
    }

    private static T Deserialize<T>(string text, string queue)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, JsonDefaults.Options) ?? throw new PipelineException($"{queue}: the message is JSON null");
        }
        catch (JsonException ex)
        {
            throw new PipelineException($"{queue}: the message is not a valid {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {Timer} failed: {Error}")]
    private partial void LogTimerFailed(string timer, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage is unavailable, trying again in {Seconds} s: {Error}")]
    private partial void LogStorageUnavailable(double seconds, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue} could not be read: {Error}")]
    private partial void LogQueueError(string queue, string error);
}
