using System.Text.Json;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NCrontab;
using NewsMonitor.Archive;
using NewsMonitor.Backfill;
using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Alerts;
using NewsMonitor.Delivery.Channels;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Delivery.Spikes;
using NewsMonitor.Ingestion;
using NewsMonitor.Queues;
using NewsMonitor.Storage;

namespace NewsMonitor.Cli.LocalHost;

/// <summary>
/// Hosts the Core stage handlers against storage the way the Functions app does: the same queues, tables and blobs, the
/// queue settings of host.json, and the timers on their NCRONTAB schedules.
/// </summary>
internal sealed partial class LocalPipeline
{
    private readonly IServiceProvider services;
    private readonly MonitorStorage storage;
    private readonly QueueWorker feeds;
    private readonly QueueWorker articles;
    private readonly QueueWorker alerts;
    private readonly QueueWorker backfill;
    private readonly QueueWorker spikes;
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
            Summary.Processed(outcome);
        }, logger);
        var deliverer = services.GetRequiredService<AlertDeliverer>();
        alerts = new QueueWorker(storage.AlertsQueue, storage.PoisonQueue(storage.AlertsQueue), settings, async (text, ct) =>
        {
            try
            {
                Summary.AlertsDelivered(await deliverer.DeliverAsync(Deserialize<AlertMessage>(text, storage.AlertsQueue.Name), ct).ConfigureAwait(false));
            }
            catch (DeliveryException ex)
            {
                Summary.AlertsDelivered(ex.Reports);
                throw;
            }
        }, logger);
        var spikeDeliverer = services.GetRequiredService<SpikeDeliverer>();
        spikes = new QueueWorker(storage.SpikesQueue, storage.PoisonQueue(storage.SpikesQueue), settings, async (text, ct) =>
        {
            try
            {
                Summary.SpikesDelivered(await spikeDeliverer.DeliverAsync(Deserialize<SpikeMessage>(text, storage.SpikesQueue.Name), ct).ConfigureAwait(false));
            }
            catch (DeliveryException ex)
            {
                Summary.SpikesDelivered(ex.Reports);
                throw;
            }
        }, logger);
        var backfiller = services.GetRequiredService<BlockBackfiller>();
        backfill = new QueueWorker(storage.BackfillQueue, storage.PoisonQueue(storage.BackfillQueue), settings, async (text, ct) =>
        {
            Summary.Backfilled(await backfiller.ApplyAsync(Deserialize<BackfillMessage>(text, storage.BackfillQueue.Name), ct).ConfigureAwait(false));
        }, logger);
    }

    /// <summary>How many articles may wait in the queue before feed polling pauses.</summary>
    public const int ArticleBacklogLimit = 1_000;

    public RunSummary Summary { get; } = new();

    public async Task<RunSummary> RunOnceAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<FeedScheduler>().ScheduleAsync(all: true, cancellationToken).ConfigureAwait(false);
        await DrainAsync(cancellationToken).ConfigureAwait(false);
        var digests = await services.GetRequiredService<DigestRunner>().RunAsync(cancellationToken).ConfigureAwait(false);
        Summary.Digests.Add(digests.Select(d => d.Delivery));
        await MaintainArchiveAsync(cancellationToken).ConfigureAwait(false);
        CountQueueWork();
        Summary.PoisonTotal = await PoisonCountAsync(cancellationToken).ConfigureAwait(false);
        Summary.Account = await services.GetRequiredService<ArticleAccounting>().ReadAsync(cancellationToken).ConfigureAwait(false);
        Summary.ConfigurationProblems = services.GetRequiredService<MonitorConfiguration>().Problems;
        return Summary;
    }

    /// <summary>
    /// Runs until cancelled: timers on their schedules, queues polled with the host's backoff. At the stop, messages
    /// still held are released (counted in <see cref="Summary"/>) so the next run takes them at once.
    /// </summary>
    public async Task RunAsync(CrontabSchedule pollSchedule, CrontabSchedule digestSchedule, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var scheduler = services.GetRequiredService<FeedScheduler>();
        var digests = services.GetRequiredService<DigestRunner>();
        try
        {
            await Task.WhenAll(
                TimerAsync("ScheduleFeeds", pollSchedule, ct => scheduler.ScheduleAsync(all: false, ct), cancellationToken),
                TimerAsync("SendDigests", digestSchedule, digests.RunAsync, cancellationToken),
                TimerAsync("MaintainArchive", CrontabSchedule.Parse(ArchiveCompactor.Schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true }), MaintainArchiveAsync, cancellationToken),
                ListenAsync(feeds, cancellationToken, ArticleBacklogIsShortAsync),
                ListenAsync(articles, cancellationToken),
                ListenAsync(alerts, cancellationToken),
                ListenAsync(spikes, cancellationToken),
                ListenAsync(backfill, cancellationToken)).ConfigureAwait(false);
        }
        finally
        {
            CountQueueWork();
        }
    }

    /// <summary>
    /// Compacts closed archive hours and deletes what is past the retention window: in Azure a timer and the storage
    /// lifecycle policy do these, here this run does.
    /// </summary>
    private async Task MaintainArchiveAsync(CancellationToken cancellationToken)
    {
        await services.GetRequiredService<ArchiveCompactor>().CompactAsync(cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<ArchiveExpiry>().DeleteExpiredAsync(cancellationToken).ConfigureAwait(false);
    }

    private void CountQueueWork()
    {
        QueueWorker[] workers = [feeds, articles, alerts, backfill, spikes];
        Summary.Poisoned = workers.Sum(w => w.Counters.Poisoned);
        Summary.FailedAttempts = workers.Sum(w => w.Counters.Failed);
        Summary.Released = workers.Sum(w => w.Counters.Released);
        Summary.Unacknowledged = workers.Sum(w => w.Counters.Unacknowledged);
        Summary.RenewalsFailed = workers.Sum(w => w.Counters.RenewalsFailed);
    }

    /// <summary>
    /// Handles the five queues, each at its own pace, until none holds a message, visible or waiting for a retry. A
    /// stage is done when its queue is empty and the stage that feeds it is done: feeds, then articles, then alerts and spikes.
    /// Backfill blocks were queued when the scheduler planned a job, before the drain: their queue is done once empty,
    /// including the newest hours' blocks that stay invisible until the watchlist change has settled.
    /// </summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        // Retried messages are invisible until their visibility timeout passes, so an empty receive is not the end.
        var idle = TimeSpan.FromMilliseconds(Math.Clamp(settings.VisibilityTimeout.TotalMilliseconds / 4, 100, 1000));
        var feedsDone = feeds.PumpAsync(feeds.IsEmptyAsync, idle, cancellationToken, ArticleBacklogIsShortAsync);
        var articlesDone = articles.PumpAsync(async ct => feedsDone.IsCompleted && await articles.IsEmptyAsync(ct).ConfigureAwait(false), idle, cancellationToken);
        var alertsDone = alerts.PumpAsync(async ct => articlesDone.IsCompleted && await alerts.IsEmptyAsync(ct).ConfigureAwait(false), idle, cancellationToken);
        var spikesDone = spikes.PumpAsync(async ct => articlesDone.IsCompleted && await spikes.IsEmptyAsync(ct).ConfigureAwait(false), idle, cancellationToken);
        var backfillDone = backfill.PumpAsync(backfill.IsEmptyAsync, idle, cancellationToken);
        await Task.WhenAll(feedsDone, articlesDone, alertsDone, spikesDone, backfillDone).ConfigureAwait(false);
    }

    /// <summary>A queue listener that runs until cancelled, backing off to <c>maxPollingInterval</c> when idle.</summary>
    private Task ListenAsync(QueueWorker worker, CancellationToken cancellationToken, Func<CancellationToken, Task<bool>>? mayReceive = null)
        => worker.PumpAsync(_ => Task.FromResult(false), settings.MaxPollingInterval, cancellationToken, mayReceive);

    /// <summary>
    /// Feeds are polled only while fewer than <see cref="ArticleBacklogLimit"/> articles wait. Azurite reads a queue in
    /// time that grows with its length (measured: draining 10,000 queued messages runs at 53 a second, 1,000 at 670), so
    /// an unbounded backlog would make a large first run crawl; Azure's queues do not, and the Functions app needs no
    /// such limit.
    /// </summary>
    private async Task<bool> ArticleBacklogIsShortAsync(CancellationToken cancellationToken)
        => await articles.CountAsync(cancellationToken).ConfigureAwait(false) < ArticleBacklogLimit;

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
        foreach (var queue in new[] { storage.FeedsQueue, storage.ArticlesQueue, storage.AlertsQueue, storage.BackfillQueue, storage.SpikesQueue })
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
}
