using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using NewsMonitor.Storage;

namespace NewsMonitor.Cli.LocalHost;

/// <summary>Counts of what a worker did, for the run summary.</summary>
internal sealed class QueueCounters
{
    private int succeeded;
    private int failed;
    private int poisoned;
    private int released;
    private int unacknowledged;
    private int renewalsFailed;

    public int Succeeded => succeeded;

    public int Failed => failed;

    public int Poisoned => poisoned;

    /// <summary>Messages made visible again because the worker stopped while it held them.</summary>
    public int Released => released;

    /// <summary>Messages whose delete, release or move to poison failed: they come back after their lease.</summary>
    public int Unacknowledged => unacknowledged;

    public int RenewalsFailed => renewalsFailed;

    public void Success() => Interlocked.Increment(ref succeeded);

    public void Failure() => Interlocked.Increment(ref failed);

    public void Poison() => Interlocked.Increment(ref poisoned);

    public void Release() => Interlocked.Increment(ref released);

    public void Unacknowledge() => Interlocked.Increment(ref unacknowledged);

    public void RenewalFailure() => Interlocked.Increment(ref renewalsFailed);
}

/// <summary>
/// Runs a queue-triggered handler the way the Functions queue extension does: batches of <c>batchSize</c>, fetched again
/// when no more than <c>newBatchThreshold</c> are still running, a failed
/// message becomes visible again after <c>visibilityTimeout</c>, and after <c>maxDequeueCount</c> failed attempts it
/// moves to <c>&lt;queue&gt;-poison</c>.
/// </summary>
internal sealed partial class QueueWorker(QueueClient queue, QueueClient poison, QueueSettings settings, Func<string, CancellationToken, Task> handler, ILogger logger)
{
    public QueueCounters Counters { get; } = new();

    public string QueueName => queue.Name;

    /// <summary>
    /// Receives and handles messages as the Functions host does: a new batch is fetched as soon as no more than
    /// <c>newBatchThreshold</c> messages are still being handled, and an empty queue is polled again after a delay that
    /// doubles up to <paramref name="maxIdleDelay"/>. Returns once nothing is in flight, the queue gave nothing, and
    /// <paramref name="finished"/> says so.
    /// </summary>
    /// <param name="finished">Asked when the worker is idle; a continuous host passes one that never finishes.</param>
    /// <param name="maxIdleDelay">The longest wait between polls of an empty queue.</param>
    /// <param name="cancellationToken">Stops the pump; messages in flight are released, so the next run takes them at once.</param>
    /// <param name="mayReceive">Asked before each receive; while it says no the pump waits, as when the queue is empty.</param>
    public async Task PumpAsync(Func<CancellationToken, Task<bool>> finished, TimeSpan maxIdleDelay, CancellationToken cancellationToken, Func<CancellationToken, Task<bool>>? mayReceive = null)
    {
        var inFlight = new List<Task>();
        try
        {
            await ReceiveAsync(inFlight, finished, maxIdleDelay, mayReceive, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // HandleAsync never throws; waiting here lets messages held at a stop be released before the run ends.
            await Task.WhenAll(inFlight).ConfigureAwait(false);
        }
    }

    private async Task ReceiveAsync(List<Task> inFlight, Func<CancellationToken, Task<bool>> finished, TimeSpan maxIdleDelay, Func<CancellationToken, Task<bool>>? mayReceive, CancellationToken cancellationToken)
    {
        var minIdleDelay = TimeSpan.FromMilliseconds(Math.Min(100, maxIdleDelay.TotalMilliseconds));
        var idleDelay = minIdleDelay;
        var outageDelay = TimeSpan.FromSeconds(1);
        while (true)
        {
            inFlight.RemoveAll(task => task.IsCompleted);
            if (inFlight.Count <= settings.NewBatchThreshold)
            {
                try
                {
                    QueueMessage[] messages = mayReceive is null || await mayReceive(cancellationToken).ConfigureAwait(false)
                        ? await queue.ReceiveMessagesAsync(settings.BatchSize, settings.MessageLease, cancellationToken).ConfigureAwait(false)
                        : [];
                    outageDelay = TimeSpan.FromSeconds(1);
                    if (messages.Length > 0)
                    {
                        inFlight.AddRange(messages.Select(message => HandleAsync(message, cancellationToken)));
                        idleDelay = minIdleDelay;
                        continue;
                    }

                    if (inFlight.Count == 0 && await finished(cancellationToken).ConfigureAwait(false))
                    {
                        return;
                    }
                }
                catch (Exception ex) when (StorageErrors.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
                {
                    // An outage longer than the SDK's own retries (about 23 s for queues) pauses this queue rather than
                    // ending the run; what it held comes back after its lease.
                    LogStorageUnavailable(queue.Name, outageDelay.TotalSeconds, ex.Message);
                    await Task.Delay(outageDelay, cancellationToken).ConfigureAwait(false);
                    outageDelay = TimeSpan.FromTicks(Math.Min(outageDelay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
                    continue;
                }

                if (inFlight.Count == 0)
                {
                    await Task.Delay(idleDelay, cancellationToken).ConfigureAwait(false);
                    idleDelay = TimeSpan.FromTicks(Math.Min(idleDelay.Ticks * 2, maxIdleDelay.Ticks));
                    continue;
                }
            }

            await Task.WhenAny(inFlight).ConfigureAwait(false);
        }
    }

    /// <summary>True when the queue holds no message at all, visible or waiting for a retry.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) => await CountAsync(cancellationToken).ConfigureAwait(false) == 0;

    /// <summary>The messages in the queue, visible or not (the service's approximate count).</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        QueueProperties properties = await queue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
        return properties.ApproximateMessagesCount;
    }

    /// <summary>
    /// Handles one message and acknowledges it. Never throws: a handler failure is a retry or poison, an acknowledgement
    /// that fails leaves the message to come back after its lease, and a stop releases the message.
    /// </summary>
    private async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        await using var held = new HeldMessage(queue, message, settings.MessageLease, Counters);
        try
        {
            await HandleHeldAsync(held, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            await ReleaseOnStopAsync(held).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Storage went away between the handler and the acknowledgement: the message comes back when its lease
            // ends and the handler, which is idempotent, runs again.
            Counters.Unacknowledge();
            LogUnacknowledged(queue.Name, message.MessageId, ex.Message);
        }
    }

    private async Task HandleHeldAsync(HeldMessage held, CancellationToken cancellationToken)
    {
        var message = held.Message;

        // A message that already used up its attempts (say, the worker died while it was held) goes straight to poison.
        if (message.DequeueCount > settings.MaxDequeueCount)
        {
            await MoveToPoisonAsync(held, "it exceeded the dequeue count while held by a stopped worker", cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await handler(message.MessageText, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Counters.Failure();
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(held, ex.Message, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                LogRetry(queue.Name, message.MessageId, message.DequeueCount, settings.MaxDequeueCount, ex.Message);
                await ReleaseAsync(held, settings.VisibilityTimeout, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await DeleteAsync(held, cancellationToken).ConfigureAwait(false);
        Counters.Success();
    }

    /// <summary>Makes a message the worker held at a stop visible again, so the next run takes it at once.</summary>
    private async Task ReleaseOnStopAsync(HeldMessage held)
    {
        // The run's token is cancelled; the release gets a few seconds of its own.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await ReleaseAsync(held, TimeSpan.Zero, timeout.Token).ConfigureAwait(false);
            Counters.Release();
        }
        catch (Exception ex)
        {
            Counters.Unacknowledge();
            LogUnacknowledged(queue.Name, held.Message.MessageId, ex.Message);
        }
    }

    private async Task MoveToPoisonAsync(HeldMessage held, string reason, CancellationToken cancellationToken)
    {
        await held.StopRenewingAsync().ConfigureAwait(false);
        await poison.SendMessageAsync(held.Message.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        await DeleteAsync(held, cancellationToken).ConfigureAwait(false);
        Counters.Poison();
        LogPoisoned(queue.Name, held.Message.MessageId, poison.Name, held.Message.DequeueCount, reason);
    }

    private async Task ReleaseAsync(HeldMessage held, TimeSpan visibility, CancellationToken cancellationToken)
    {
        await held.StopRenewingAsync().ConfigureAwait(false);
        try
        {
            await queue.UpdateMessageAsync(held.Message.MessageId, held.PopReceipt, visibilityTimeout: visibility, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The lease ran out and another receiver holds the message now.
        }
    }

    private async Task DeleteAsync(HeldMessage held, CancellationToken cancellationToken)
    {
        await held.StopRenewingAsync().ConfigureAwait(false);
        try
        {
            await queue.DeleteMessageAsync(held.Message.MessageId, held.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: another receiver took it after our lease ran out.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Queue} message {MessageId} failed (attempt {Attempt} of {MaxAttempts}): {Error}")]
    private partial void LogRetry(string queue, string messageId, long attempt, int maxAttempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Queue} message {MessageId} moved to {PoisonQueue} after {Attempts} attempts: {Reason}")]
    private partial void LogPoisoned(string queue, string messageId, string poisonQueue, long attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Queue}: storage is unavailable, trying again in {Seconds} s: {Error}")]
    private partial void LogStorageUnavailable(string queue, double seconds, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Queue} message {MessageId} could not be acknowledged, it will be delivered again: {Error}")]
    private partial void LogUnacknowledged(string queue, string messageId, string error);
}
