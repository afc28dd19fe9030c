using Azure;
using Azure.Storage.Blobs.Specialized;

namespace NewsMonitor.Storage;

/// <summary>
/// One holder at a time across processes, as the Functions host's singleton lock gives its timers: a lease on a blob in
/// the <c>locks</c> container, renewed while held. Two <c>monitor run</c>s, or a run beside the Functions app on the
/// same storage, then run each timer occurrence once.
/// </summary>
public sealed class SingletonLock(MonitorStorage storage)
{
    /// <summary>The lease lasts this long without renewal: how soon a lock held by a process that died is free again.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    /// <returns>The held lock (dispose to release), or null when another process holds it.</returns>
    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken = default)
    {
        var blob = storage.Locks.GetBlobClient(name);
        try
        {
            await blob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // The blob exists (and may be leased): the lease decides.
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // A deployment from before the locks container existed.
            await storage.Locks.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return await TryAcquireAsync(name, cancellationToken).ConfigureAwait(false);
        }

        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }

        return new Held(lease);
    }

    private sealed class Held : IAsyncDisposable
    {
        private readonly BlobLeaseClient lease;
        private readonly CancellationTokenSource stop = new();
        private readonly Task renewal;

        public Held(BlobLeaseClient lease)
        {
            this.lease = lease;
            renewal = RenewAsync(stop.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
            stop.Dispose();
            try
            {
                await lease.ReleaseAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (StorageErrors.IsUnavailable(ex))
            {
                // The lease runs out on its own.
            }
        }

        private async Task RenewAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                try
                {
                    await Task.Delay(LeaseDuration / 3, cancellationToken).ConfigureAwait(false);
                    await lease.RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (StorageErrors.IsUnavailable(ex))
                {
                    // Tried again at the next interval; at worst the lease lapses and another process may run too.
                }
            }
        }
    }
}
