using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace NewsMonitor.Storage;

/// <summary>
/// One row per (entity, matched article) in table <c>MatchIndex</c>: PK entity id, RK <c>{inverted ticks:D19}_{articleId}</c>
/// so a partition lists newest first and a time range is a row-key range. The article's review state is stamped on
/// every row of it (<see cref="MatchStore.StampReviewAsync"/>), so listings, digests and counts filter on it as they read
/// the rows, without a lookup per row.
/// </summary>
public sealed class MatchIndexRow : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string ArticleId { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string Url { get; set; } = string.Empty;

    public string FeedId { get; set; } = string.Empty;

    public DateTimeOffset? Published { get; set; }

    /// <summary>When the article was discovered; the row key orders by it so retries rewrite the same row.</summary>
    public DateTimeOffset MatchedAt { get; set; }

    public double Score { get; set; }

    public int MentionCount { get; set; }

    public string Snippet { get; set; } = string.Empty;

    /// <summary>Where the mention sits inside <see cref="Snippet"/>, for highlighting.</summary>
    public int SnippetOffset { get; set; }

    public int SnippetLength { get; set; }

    /// <summary>Every entity matched in the article, comma-separated, so a listing shows them without reading the blob.</summary>
    public string Entities { get; set; } = string.Empty;

    public string BlobPath { get; set; } = string.Empty;

    /// <summary>Every matched entity of the article as <c>id|kind|count|score</c>, <c>;</c>-separated, so any listing shows them all.</summary>
    public string EntityDetails { get; set; } = string.Empty;

    /// <summary>The article's review state (absent: unreviewed), a copy of <see cref="ReviewRow"/>'s current row.</summary>
    public string? ReviewState { get; set; }

    public bool Starred { get; set; }

    /// <summary>
    /// When the row was first written; kept when a review stamp rewrites the row and moves <see cref="Timestamp"/>.
    /// Absent on rows never stamped, whose <see cref="Timestamp"/> is still that moment.
    /// </summary>
    public DateTimeOffset? IndexedAt { get; set; }

    /// <summary>
    /// Written by a backfill (an entity applied to articles processed before it was on the watchlist), not by the live
    /// pipeline: digests leave such rows out unless their subscription asks for them, so old news is not sent as new.
    /// </summary>
    public bool Backfilled { get; set; }

    /// <summary>When the row was first written, stamped or not: what digests compare with their watermark.</summary>
    public DateTimeOffset? WrittenAt() => IndexedAt ?? Timestamp;

    public bool IsDismissed() => ReviewState == Reviews.ReviewStates.Dismissed;

    /// <summary>Whether the row lists every matched article of a day rather than one entity's (<see cref="DayPartition"/>).</summary>
    public bool IsDayRow() => IsDayPartition(PartitionKey);

    public static bool IsDayPartition(string partition) => partition.StartsWith(DayPartitionPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Leaves out of this row's entity lists the entities <paramref name="keep"/> refuses; a day row takes the kind and
    /// score of its strongest entity left. False when there is nothing left to show: the row sits in a refused entity's
    /// own partition, or it is a day row none of whose entities is kept.
    /// </summary>
    public bool KeepEntities(Func<string, bool> keep)
    {
        if (!IsDayRow() && !keep(PartitionKey))
        {
            return false;
        }

        var listed = MatchEntityList.Parse(Entities, EntityDetails);
        if (listed.All(keep))
        {
            return true;
        }

        var kept = listed.Where(keep);
        Entities = kept.EntitiesText;
        EntityDetails = kept.DetailsText;
        if (IsDayRow())
        {
            if (kept.Ids.Count == 0)
            {
                return false;
            }

            if (kept.Strongest() is { } strongest)
            {
                (Kind, Score) = strongest;
            }
        }

        return true;
    }

    /// <summary>Whether a row read with <see cref="DismissedColumns"/> selected belongs to a dismissed article.</summary>
    public static bool IsDismissed(TableEntity row) => row.GetString(nameof(ReviewState)) == Reviews.ReviewStates.Dismissed;

    /// <summary>The columns <see cref="IsDismissed(TableEntity)"/> reads.</summary>
    public static readonly string[] DismissedColumns = [nameof(ReviewState)];

    /// <summary>Starts every day partition; no entity id has '_'.</summary>
    public const string DayPartitionPrefix = "_all_";

    /// <summary>The day partition that lists every matched article of a UTC day, newest first (<c>_all_yyyyMMdd</c>).</summary>
    public static string DayPartition(DateTimeOffset matchedAt) => $"{DayPartitionPrefix}{matchedAt.UtcDateTime:yyyyMMdd}";

    public static string RowKeyFor(DateTimeOffset matchedAt, string articleId) => $"{TimeKey(matchedAt)}_{articleId}";

    /// <summary>When the row's article was matched, read back from its row key (see <see cref="TimeKey"/>).</summary>
    /// <exception cref="FormatException">The row key does not start with 19 digits.</exception>
    public static DateTimeOffset MatchedAtOf(string rowKey)
        => rowKey.Length >= 19 && long.TryParse(rowKey.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var inverted) && inverted <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(DateTimeOffset.MaxValue.UtcTicks - inverted, TimeSpan.Zero)
            : throw new FormatException($"MatchIndex row key \"{rowKey}\" does not start with 19 digits of inverted ticks");

    /// <summary>The article id at the end of a row key (<c>{ticks}_{articleId}</c>).</summary>
    public static string ArticleIdOf(string rowKey) => rowKey.Length > 20 ? rowKey[20..] : string.Empty;

    /// <summary>The filter for one partition's rows matched in [from, to).</summary>
    public static string RangeFilter(string partition, DateTimeOffset from, DateTimeOffset to)
        => TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {TimeKey(to) + "~"} and RowKey lt {TimeKey(from) + "~"}");

    /// <summary>The row-key prefix for a moment: later moments sort first.</summary>
    public static string TimeKey(DateTimeOffset moment)
        => (DateTimeOffset.MaxValue.UtcTicks - moment.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
