using Azure;
using Azure.Data.Tables;

namespace NewsMonitor.Storage;

/// <summary>
/// Per subscription and channel (table <c>DigestState</c>, PK subscription id, RK the channel's key: <c>email</c>,
/// <c>webhook-{hash of its URL}</c>, or <c>store</c> for a subscription without channels): how far digests have been
/// delivered, and the digest being delivered, written before it is sent so a crash cannot lose which one it was.
/// </summary>
public sealed class DigestState : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>Index rows written after this moment have not been in a digest yet.</summary>
    public DateTimeOffset? Watermark { get; set; }

    public DateTimeOffset? LastSentAt { get; set; }

    /// <summary>When the schedule last fired for this channel and was dealt with (sent, or nothing to send).</summary>
    public DateTimeOffset? LastRunAt { get; set; }

    /// <summary>Why the last delivery failed; cleared by the next success.</summary>
    public string? LastError { get; set; }

    public string? LastDigestBlob { get; set; }

    /// <summary>The ledger item key of a digest claimed for this channel and not yet recorded as delivered here.</summary>
    public string? PendingItem { get; set; }

    /// <summary>The pending digest holds the rows written after <see cref="Watermark"/> up to this moment; its watermark once delivered.</summary>
    public DateTimeOffset? PendingThrough { get; set; }

    /// <summary>The schedule occurrence (or request time) the pending digest is for: <see cref="LastRunAt"/> once delivered.</summary>
    public DateTimeOffset? PendingFor { get; set; }
}
