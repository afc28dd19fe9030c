using Azure;
using Azure.Data.Tables;

namespace NewsMonitor.Storage;

/// <summary>Per subscription (table <c>DigestState</c>, PK subscription id, RK <c>state</c>): how far digests have reported.</summary>
public sealed class DigestState : ITableEntity
{
    public const string Row = "state";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>Index rows written after this moment have not been in a digest yet.</summary>
    public DateTimeOffset? Watermark { get; set; }

    public DateTimeOffset? LastSentAt { get; set; }

    public string? LastDigestBlob { get; set; }
}
