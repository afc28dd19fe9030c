using Azure;
using Azure.Data.Tables;

namespace NewsMonitor.Storage;

/// <summary>
/// The rows of table <c>Deliveries</c> (<see cref="DeliveryRecord"/>): each state change is conditional on the row's
/// ETag or on its absence, so two attempts at one (subscription, item, channel) never both hold it.
/// </summary>
public sealed class DeliveryStore(MonitorStorage storage)
{
    private const int MaxErrorLength = 1000;

    /// <summary>The row key of an item on a channel; item keys are checked by the ledger to hold no character a row key forbids.</summary>
    private static string RowKey(string itemKey, string channelKey) => $"{itemKey}|{channelKey}";

    /// <returns>The new claim, or null when the row exists already (read it with <see cref="GetAsync"/>).</returns>
    public async Task<DeliveryRecord?> TryClaimAsync(string subscriptionId, string itemKey, string channelKey, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var record = new DeliveryRecord { PartitionKey = subscriptionId, RowKey = RowKey(itemKey, channelKey), State = DeliveryStates.Claimed, ClaimedAt = now, Attempts = 1 };
        try
        {
            var response = await storage.Deliveries.AddEntityAsync(record, cancellationToken).ConfigureAwait(false);
            record.ETag = response.Headers.ETag ?? default;
            return record;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    public async Task<DeliveryRecord?> GetAsync(string subscriptionId, string itemKey, string channelKey, CancellationToken cancellationToken = default)
    {
        var response = await storage.Deliveries.GetEntityIfExistsAsync<DeliveryRecord>(subscriptionId, RowKey(itemKey, channelKey), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Claims a failed row or a stale claim again, if no other attempt changed it since it was read.</summary>
    /// <returns>False when another attempt got there first.</returns>
    public async Task<bool> TryReclaimAsync(DeliveryRecord record, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var read = record.ETag;
        record.State = DeliveryStates.Claimed;
        record.ClaimedAt = now;
        record.Attempts++;
        try
        {
            var response = await storage.Deliveries.UpdateEntityAsync(record, read, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            record.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Marks the channel done. Unconditional: the channel has accepted, and that stays true even if a slow attempt's claim
    /// was taken over meanwhile — the taker's own send is the one repeat the lease allows.
    /// </summary>
    public async Task CompleteAsync(DeliveryRecord record, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        record.State = DeliveryStates.Sent;
        record.SentAt = now;
        await storage.Deliveries.UpsertEntityAsync(record, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases this attempt's claim as failed so a retry claims it at once; left alone if another attempt holds it now.</summary>
    public async Task ReleaseAsync(DeliveryRecord record, string error, CancellationToken cancellationToken = default)
    {
        record.State = DeliveryStates.Failed;
        record.LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        try
        {
            await storage.Deliveries.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            // Taken over by a later attempt, which records its own outcome.
        }
    }
}
