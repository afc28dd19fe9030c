using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace NewsMonitor.Storage;

/// <summary>
/// A feed's polling state (table <c>FeedState</c>, PK <see cref="PartitionFor"/> the feed id, RK the feed id):
/// validators, health and next poll time.
/// </summary>
public sealed class FeedState : ITableEntity
{
    /// <summary>The one partition every row had before rows were spread by <see cref="PartitionFor"/>; read until each row is saved again.</summary>
    public const string LegacyPartition = "feed";

    public string PartitionKey { get; set; } = string.Empty;

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

    /// <summary>
    /// Two hex digits of the feed id's SHA-256, as <c>SeenArticles</c> spreads articles: every poll and every schedule
    /// writes its feed's row, and one partition takes 2,000 rows a second, which the scheduler's burst at 100,000 feeds
    /// would reach (docs/scale.md).
    /// </summary>
    public static string PartitionFor(string feedId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(feedId)), 0, 1);
}
