using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace NewsMonitor.Cli.LocalHost;

/// <summary>
/// A received message kept invisible while its handler runs, as the Functions host does: the lease is renewed at half
/// its length, so a long handler keeps the message, and a worker that dies loses it within one lease.
/// </summary>
internal sealed class HeldMessage : IAsyncDisposable
{
    private readonly QueueClient queue;
    private readonly TimeSpan lease;
    private readonly QueueCounters counters;
    private readonly CancellationTokenSource stop = new();
    private readonly Task renewal;

    public HeldMessage(QueueClient queue, QueueMessage message, TimeSpan lease, QueueCounters counters)
    {
        this.queue = queue;
        this.lease = lease;
        this.counters = counters;
        Message = message;
        PopReceipt = message.PopReceipt;
        renewal = RenewAsync(stop.Token);
    }

    public QueueMessage Message { get; }

    /// <summary>The receipt of the latest renewal: the one delete and update need.</summary>
    public string PopReceipt { get; private set; }

    /// <summary>
    /// Stops renewing, so the receipt no longer changes under an acknowledgement; the message stays invisible for the
    /// rest of its current lease.
    /// </summary>
    public async Task StopRenewingAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }

        await renewal.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopRenewingAsync().ConfigureAwait(false);
        stop.Dispose();
    }

    /// <summary>Never throws: a renewal that fails at worst lets the message be delivered again, which every handler tolerates.</summary>
    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        var interval = lease / 2;
        while (true)
        {
            try
            {
                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
                UpdateReceipt receipt = await queue.UpdateMessageAsync(Message.MessageId, PopReceipt, visibilityTimeout: lease, cancellationToken: cancellationToken).ConfigureAwait(false);
                PopReceipt = receipt.PopReceipt;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                // Any failure, not only the ones storage is known to throw: an outage surfaces as transport errors, SDK
                // timeouts or aggregates of both, and none of them may end the run (StorageOutageTests counts these).
                counters.RenewalFailure();
            }
        }
    }
}
