using Azure;
using Azure.Data.Tables;

namespace NewsMonitor.Storage;

/// <summary>
/// One (subscription, item, channel) in table <c>Deliveries</c>: PK subscription id, RK <c>{item key}|{channel key}</c>.
/// Written as <see cref="DeliveryStates.Claimed"/> before the channel is sent to, then <see cref="DeliveryStates.Sent"/>
/// once it accepted, or <see cref="DeliveryStates.Failed"/> so a retry may claim it again.
/// </summary>
public sealed class DeliveryRecord : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string State { get; set; } = DeliveryStates.Claimed;

    /// <summary>When the current attempt claimed the channel; a claim older than the ledger's lease was left by a crash.</summary>
    public DateTimeOffset ClaimedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Why the last attempt failed; kept after a later success, for the record.</summary>
    public string? LastError { get; set; }
}

/// <summary>The states of a <see cref="DeliveryRecord"/>.</summary>
public static class DeliveryStates
{
    public const string Claimed = "claimed";
    public const string Sent = "sent";
    public const string Failed = "failed";
}
