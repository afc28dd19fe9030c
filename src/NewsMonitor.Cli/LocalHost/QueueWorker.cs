using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace NewsMonitor.Cli.LocalHost;

/// <summary>Counts of what a worker did, for the run summary.</summary>
internal sealed class QueueCounters
{
    private int succeeded;
    private int failed;
    private int poisoned;

    public int Succeeded => succeeded;

    public int Failed => failed;

    public int Poisoned => poisoned;

    public void Success() => Interlocked.Increment(ref succeeded);

    public void Failure() => Interlocked.Increment(ref failed);

    public void Poison() => Interlocked.Increment(ref poisoned);
}

/// <summary>
/// Runs a queue-triggered handler the way the Functions queue extension does: batches of <c>batchSize</c>, a failed
/// message becomes visible again after <c>visibilityTimeout</c>, and after <c>maxDequeueCount</c> failed attempts it
/// moves to <c>&lt;queue&gt;-poison</c>.
/// </summary>
internal sealed partial class QueueWorker(QueueClient queue, QueueClient poison, QueueSettings settings, Func<string, CancellationToken, Task> handler, ILogger logger)
{
    public QueueCounters Counters { get; } = new();

    public string QueueName => queue.Name;

    /// <summary>Receives and handles one batch.</summary>
    /// <returns>The number of messages received.</returns>
    public async Task<int> RunBatchAsync(CancellationToken cancellationToken)
    {
        QueueMessage[] messages = await queue.ReceiveMessagesAsync(settings.BatchSize, settings.MessageLease, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(messages.Select(m => HandleAsync(m, cancellationToken))).ConfigureAwait(false);
        return messages.Length;
    }

    /// <summary>True when the queue holds no message at all, visible or waiting for a retry.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        QueueProperties properties = await queue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
        return properties.ApproximateMessagesCount == 0;
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        await using var held = new HeldMessage(queue, message, settings.MessageLease, cancellationToken);
        try
        {
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
                    await ReleaseAsync(held, cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            await DeleteAsync(held, cancellationToken).ConfigureAwait(false);
            Counters.Success();
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
        {
            // Storage went away between the handler and the acknowledgement: the message comes back when its lease
            // ends and the handler, which is idempotent, runs again.
            LogUnacknowledged(queue.Name, message.MessageId, ex.Message);
        }
    }

    private async Task MoveToPoisonAsync(HeldMessage held, string reason, CancellationToken cancellationToken)
    {
        await poison.SendMessageAsync(held.Message.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        await DeleteAsync(held, cancellationToken).ConfigureAwait(false);
        Counters.Poison();
        LogPoisoned(queue.Name, held.Message.MessageId, poison.Name, held.Message.DequeueCount, reason);
    }

    private async Task ReleaseAsync(HeldMessage held, CancellationToken cancellationToken)
    {
        try
        {
            await queue.UpdateMessageAsync(held.Message.MessageId, held.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The lease ran out and another receiver holds the message now.
        }
    }

    private async Task DeleteAsync(HeldMessage held, CancellationToken cancellationToken)
    {
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Queue} message {MessageId} could not be acknowledged, it will be delivered again: {Error}")]
    private partial void LogUnacknowledged(string queue, string messageId, string error);
}
