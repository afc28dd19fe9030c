using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs.Host.Executors;
using Microsoft.Azure.WebJobs.Host.Queues;

namespace NewsMonitor.Cli.LocalHost;

/// <summary>Counts of what the queue listener did with messages, for the run summary.</summary>
internal sealed class QueueCounters
{
    private int failed;
    private int poisoned;
    private int released;
    private int unacknowledged;

    public int Failed => failed;

    public int Poisoned => poisoned;

    /// <summary>Messages made visible again because the run stopped while it held them.</summary>
    public int Released => released;

    /// <summary>Messages whose delete, release or move to poison failed: they come back after their lease.</summary>
    public int Unacknowledged => unacknowledged;

    public void Failure() => Interlocked.Increment(ref failed);

    public void Poison() => Interlocked.Increment(ref poisoned);

    public void Release() => Interlocked.Increment(ref released);

    public void Unacknowledge() => Interlocked.Increment(ref unacknowledged);
}

/// <summary>
/// The SDK's own queue processor (retry after <c>visibilityTimeout</c>, poison after <c>maxDequeueCount</c>), counting
/// what it does. One behaviour is the local host's: a message whose handler was cancelled because the run is stopping
/// is made visible at once and is not counted as a failure, where the Functions host releases it after
/// <c>visibilityTimeout</c> like any failure: Ctrl+C on a laptop is not a fault, and the next run should take the message at once.
/// </summary>
internal sealed class CountingQueueProcessor(QueueProcessorOptions options, QueueCounters counters, CancellationToken stopping) : QueueProcessor(options)
{
    protected override async Task CompleteProcessingMessageAsync(QueueMessage message, FunctionResult result, CancellationToken cancellationToken)
    {
        if (!result.Succeeded && stopping.IsCancellationRequested)
        {
            await ReleaseAtStopAsync(message, result).ConfigureAwait(false);
            return;
        }

        if (!result.Succeeded)
        {
            counters.Failure();
        }

        try
        {
            await base.CompleteProcessingMessageAsync(message, result, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Storage went away between the handler and the acknowledgement: the message comes back after its lease
            // and the handler, which is idempotent, runs again. The listener logs the error itself.
            counters.Unacknowledge();
            throw;
        }
    }

    protected override Task OnMessageAddedToPoisonQueueAsync(PoisonMessageEventArgs e)
    {
        counters.Poison();
        return base.OnMessageAddedToPoisonQueueAsync(e);
    }

    private async Task ReleaseAtStopAsync(QueueMessage message, FunctionResult result)
    {
        // The listener's token is cancelled at a stop; the release gets a few seconds of its own.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await ReleaseMessageAsync(message, result, TimeSpan.Zero, timeout.Token).ConfigureAwait(false);
            counters.Release();
        }
        catch (Exception)
        {
            counters.Unacknowledge();
        }
    }
}

/// <summary>Gives the listener of each queue a <see cref="CountingQueueProcessor"/>.</summary>
internal sealed class CountingQueueProcessorFactory(QueueCounters counters, CancellationToken stopping) : IQueueProcessorFactory
{
    public QueueProcessor Create(QueueProcessorOptions queueProcessorOptions) => new CountingQueueProcessor(queueProcessorOptions, counters, stopping);
}
