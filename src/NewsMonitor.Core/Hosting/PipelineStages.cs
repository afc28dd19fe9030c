using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Archive;
using NewsMonitor.Backfill;
using NewsMonitor.Delivery.Alerts;
using NewsMonitor.Delivery.Channels;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Delivery.Spikes;
using NewsMonitor.Ingestion;
using NewsMonitor.Lifecycle;
using NewsMonitor.Storage;

namespace NewsMonitor.Hosting;

/// <summary>
/// Every stage of the pipeline, declared once: the Functions app's trigger classes and <c>monitor run</c> host these
/// same descriptions (FunctionsMetadataTests and LocalHostStagesTests hold both hosts to them).
/// </summary>
public static class PipelineStages
{
    public static QueueStage<FeedMessage, PollOutcome> PollFeed { get; } = new(
        nameof(PollFeed), StorageNames.FeedsQueue, (services, message, ct) => services.GetRequiredService<FeedPoller>().PollAsync(message, ct));

    public static QueueStage<ArticleMessage, ArticleOutcome> ExtractMentions { get; } = new(
        nameof(ExtractMentions), StorageNames.ArticlesQueue, (services, message, ct) => services.GetRequiredService<ArticleProcessor>().ProcessAsync(message, ct));

    public static QueueStage<AlertMessage, IReadOnlyList<DeliveryReport>> DeliverAlerts { get; } = new(
        nameof(DeliverAlerts), StorageNames.AlertsQueue, (services, message, ct) => services.GetRequiredService<AlertDeliverer>().DeliverAsync(message, ct));

    public static QueueStage<SpikeMessage, IReadOnlyList<DeliveryReport>> DeliverSpikes { get; } = new(
        nameof(DeliverSpikes), StorageNames.SpikesQueue, (services, message, ct) => services.GetRequiredService<SpikeDeliverer>().DeliverAsync(message, ct));

    public static QueueStage<BackfillMessage, BlockProgress?> BackfillBlock { get; } = new(
        nameof(BackfillBlock), StorageNames.BackfillQueue, (services, message, ct) => services.GetRequiredService<BlockBackfiller>().ApplyAsync(message, ct));

    /// <summary>Every queue stage, in the order work flows through them.</summary>
    public static IReadOnlyList<QueueStage> Queues { get; } = [PollFeed, ExtractMentions, DeliverAlerts, DeliverSpikes, BackfillBlock];

    /// <summary>Queues feeds that are due; <c>PollSchedule</c> every five minutes unless set.</summary>
    public static TimerStage ScheduleFeeds { get; } = new(
        nameof(ScheduleFeeds), "PollSchedule", "0 */5 * * * *", (services, ct) => services.GetRequiredService<FeedScheduler>().ScheduleAsync(all: false, ct));

    /// <summary>Sends the digests that are due; <c>DigestSchedule</c> hourly unless set.</summary>
    public static TimerStage SendDigests { get; } = new(
        nameof(SendDigests), "DigestSchedule", "0 0 * * * *", (services, ct) => services.GetRequiredService<DigestRunner>().RunAsync(ct));

    /// <summary>Folds closed archive hours into their blocks, on a fixed schedule with no setting.</summary>
    public static TimerStage CompactArchive { get; } = new(
        nameof(CompactArchive), null, ArchiveCompactor.Schedule, (services, ct) => services.GetRequiredService<ArchiveCompactor>().CompactAsync(ct));

    /// <summary>Deletes the table rows past their retention windows, daily on a fixed schedule with no setting.</summary>
    public static TimerStage ApplyRetention { get; } = new(
        nameof(ApplyRetention), null, DataRetention.Schedule, (services, ct) => services.GetRequiredService<DataRetention>().ApplyToTablesAsync(ct));

    public static IReadOnlyList<TimerStage> Timers { get; } = [ScheduleFeeds, SendDigests, CompactArchive, ApplyRetention];
}
