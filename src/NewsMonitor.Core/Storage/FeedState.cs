using Azure;
using Azure.Data.Tables;

namespace NewsMonitor.Storage;

/// <summary>A feed's polling state (table <c>FeedState</c>, PK <c>feed</c>, RK feed id): validators, health and next poll time.</summary>
public sealed class FeedState : ITableEntity
{
    public const string Partition = "feed";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? Url { get; set; }

    /// <summary>The server's ETag, sent back as If-None-Match.</summary>
    public string? HttpETag { get; set; }

    /// <summary>The server's Last-Modified, sent back as If-Modified-Since.</summary>
    public DateTimeOffset? HttpLastModified { get; set; }

    /// <summary>SHA-256 of the last body: some servers send a new ETag for the same bytes.</summary>
    public string? ContentHash { get; set; }

    /// <summary>The feed's own update interval (ttl, sy:updatePeriod) in seconds, kept for the polls that get a 304.</summary>
    public double? UpdateIntervalSeconds { get; set; }

    public DateTimeOffset? LastPolledAt { get; set; }

    public DateTimeOffset? LastSuccessAt { get; set; }

    public DateTimeOffset? NextPollAt { get; set; }

    public int ConsecutiveFailures { get; set; }

    public string? LastError { get; set; }

    public long ItemsSeen { get; set; }

    /// <summary>When the feed last brought an item not seen before, for the digests' health footer.</summary>
    public DateTimeOffset? LastNewItemAt { get; set; }
}
