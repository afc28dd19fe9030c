using Azure;
using Azure.Data.Tables;

namespace NewsMonitor.Storage;

/// <summary>
/// Per subscription and channel (table <c>DigestState</c>, PK subscription id, RK channel: <c>email</c>, <c>webhook-0</c>…,
/// or <c>store</c> for a subscription without channels): how far digests have been delivered.
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
}
