using Azure;
using Azure.Data.Tables;
using NewsMonitor.Reviews;

namespace NewsMonitor.Storage;

/// <summary>
/// Table <c>Reviews</c>: one partition per reviewed article (PK article id). RK <c>current</c> holds the state in force;
/// every action also adds a history row, RK <c>{inverted ticks:D19}_{8 hex}</c>, so the partition lists history newest
/// first and <c>current</c> (a letter sorts after every digit) last. Both rows of an action go in one entity-group
/// transaction, the current row under its ETag, so two reviewers acting at once cannot lose an action or split the
/// history from the state.
/// </summary>
public sealed class ReviewRow : ITableEntity
{
    public const string CurrentKey = "current";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>Absent while unreviewed; <c>relevant</c> or <c>dismissed</c>.</summary>
    public string? State { get; set; }

    public bool Starred { get; set; }

    public string? Reason { get; set; }

    public string? Note { get; set; }

    public string By { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public static ReviewRow Of(string articleId, string rowKey, ReviewEntry entry) => new()
    {
        PartitionKey = articleId,
        RowKey = rowKey,
        State = entry.State,
        Starred = entry.Starred,
        Reason = entry.Reason,
        Note = entry.Note,
        By = entry.By,
        At = entry.At,
    };

    /// <summary>A history row's key: newest first, and unique even for two actions in the same tick.</summary>
    public static string HistoryKey(DateTimeOffset at) => $"{MatchIndexRow.TimeKey(at)}_{Guid.NewGuid():N}"[..28];

    public ReviewEntry ToEntry() => new(State, Starred, Reason, Note, By, At);
}
