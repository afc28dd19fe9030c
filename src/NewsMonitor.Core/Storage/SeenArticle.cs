using Azure;
using Azure.Data.Tables;

namespace NewsMonitor.Storage;

/// <summary>
/// Every article the pipeline has queued (table <c>SeenArticles</c>, PK first two hex digits of the id, RK the id):
/// it stops an article from being queued twice and, once matched, points at its blob. Each row has a row in
/// <see cref="SeenArticleDays"/> under the day it was first seen, by which retention finds it.
/// </summary>
public sealed class SeenArticle : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? FeedId { get; set; }

    public string? Url { get; set; }

    public DateTimeOffset FirstSeen { get; set; }

    /// <summary><c>queued</c>, <c>matched</c>, <c>unmatched</c>, <c>duplicate</c> (the page's canonical URL was seen first under another URL) or <c>alias</c> (a canonical URL claimed by an article).</summary>
    public string Status { get; set; } = SeenStatus.Queued;

    public string? BlobPath { get; set; }

    /// <summary>The poll that queued the article (feed message's schedule time): only that poll sends its message.</summary>
    public string? QueuedBy { get; set; }

    /// <summary>For an <c>alias</c> row: the article kept for this canonical URL; for a <c>duplicate</c>: the article kept for its story.</summary>
    public string? SameAs { get; set; }

    public static string PartitionFor(string articleId) => articleId[..2];
}

/// <summary>The states an article passes through.</summary>
public static class SeenStatus
{
    public const string Queued = "queued";
    public const string Matched = "matched";
    public const string Unmatched = "unmatched";
    public const string Duplicate = "duplicate";
    public const string Alias = "alias";
}
