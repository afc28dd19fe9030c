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
    private readonly CancellationTokenSource stop;
    private readonly Task renewal;

    public HeldMessage(QueueClient queue, QueueMessage message, TimeSpan lease, CancellationToken cancellationToken)
    {
        this.queue = queue;
        this.lease = lease;
        Message = message;
        PopReceipt = message.PopReceipt;
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        renewal = RenewAsync(stop.Token);
    }

    public QueueMessage Message { get; }

    /// <summary>The receipt of the latest renewal: the one delete and update need.</summary>
    public string PopReceipt { get; private set; }

    /// <summary>Stops renewing; the message stays invisible for the rest of its current lease.</summary>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await renewal.ConfigureAwait(false);
        stop.Dispose();
    }

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
            catch (Exception ex) when (StorageErrors.IsUnavailable(ex))
            {
                // Storage is unreachable or the lease was lost: the handler goes on, and at worst the message is
                // delivered again, which every handler tolerates.
            }
        }
    }
}
