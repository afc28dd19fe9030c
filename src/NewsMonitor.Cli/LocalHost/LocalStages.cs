using NewsMonitor.Delivery.Alerts;
using NewsMonitor.Delivery.Channels;
using NewsMonitor.Hosting;
using NewsMonitor.Ingestion;
using NewsMonitor.Storage;

namespace NewsMonitor.Cli.LocalHost;

/// <summary>
/// Runs a stage for the local host and counts what it did into the run's <see cref="RunSummary"/>; it also knows how
/// many messages are being handled, which a drain (<c>run --once</c>) needs and the SDK does not expose.
/// </summary>
internal sealed class LocalStages(IServiceProvider services, RunSummary summary)
{
    private int running;

    /// <summary>Handlers running now, in every queue.</summary>
    public int Running => Volatile.Read(ref running);

    public async Task RunAsync(QueueStage stage, string message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref running);
        try
        {
            Record(stage, await stage.RunAsync(services, message, cancellationToken).ConfigureAwait(false));
        }
        catch (DeliveryException ex)
        {
            // Channels that did deliver before one failed are counted; the message is retried for the rest.
            Record(stage, ex.Reports);
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref running);
        }
    }

    private void Record(QueueStage stage, object? outcome)
    {
        switch (outcome)
        {
            case PollOutcome poll:
                summary.Polled(poll.Error is not null, poll.NotModified, poll.NewItems);
                break;
            case ArticleOutcome article:
                summary.Processed(article);
                break;
            case IEnumerable<DeliveryReport> reports when stage == PipelineStages.DeliverSpikes:
                summary.SpikesDelivered(reports);
                break;
            case IEnumerable<DeliveryReport> reports:
                summary.AlertsDelivered(reports);
                break;
            case BlockProgress block:
                summary.Backfilled(block);
                break;
            case null when stage == PipelineStages.BackfillBlock:
                summary.Backfilled(null);
                break;
        }
    }
}
