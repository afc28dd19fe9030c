using Azure.Data.Tables;

namespace NewsMonitor.Storage;

/// <summary>One matched article of an entity as its volume needs it: when, which article, which outlet.</summary>
public sealed record MatchMoment(DateTimeOffset At, string ArticleId, string FeedId);

/// <summary>
/// Reads when an entity was matched, from its <c>MatchIndex</c> partition, selecting only the row key (time and article),
/// the feed and the review state, for <see cref="HourlyVolumeStore"/> to count: titles and snippets would be most of the
/// bytes. Dismissed matches (false positives) are not counted.
/// </summary>
public sealed class EntityTimeline(MonitorStorage storage)
{
    private static readonly string[] Columns = [nameof(MatchIndexRow.RowKey), nameof(MatchIndexRow.FeedId), nameof(MatchIndexRow.ReviewState)];

    /// <summary>The entity's matches in [from, to), newest first.</summary>
    public async Task<IReadOnlyList<MatchMoment>> ReadAsync(string entityId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var moments = new List<MatchMoment>();
        await foreach (var row in storage.MatchIndex.QueryAsync<TableEntity>(MatchIndexRow.RangeFilter(entityId, from, to), maxPerPage: 1000, select: Columns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (MatchIndexRow.IsDismissed(row))
            {
                continue;
            }

            moments.Add(new MatchMoment(MatchIndexRow.MatchedAtOf(row.RowKey), MatchIndexRow.ArticleIdOf(row.RowKey), row.GetString(nameof(MatchIndexRow.FeedId)) ?? string.Empty));
        }

        return moments;
    }
}
