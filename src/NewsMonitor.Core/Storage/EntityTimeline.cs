using Azure.Data.Tables;

namespace NewsMonitor.Storage;

/// <summary>One matched article of an entity as its volume needs it: when, which article, which outlet.</summary>
public sealed record MatchMoment(DateTimeOffset At, string ArticleId, string FeedId);

/// <summary>
/// Reads when an entity was matched, from its <c>MatchIndex</c> partition, selecting only the row key (time and article)
/// and the feed: a month of a busy entity is thousands of rows, and the titles and snippets would be most of the bytes.
/// </summary>
public sealed class EntityTimeline(MonitorStorage storage)
{
    private static readonly string[] Columns = [nameof(MatchIndexRow.RowKey), nameof(MatchIndexRow.FeedId)];

    /// <summary>
    /// The entity's matches in [from, to), newest first. The period is read as <paramref name="slices"/> row-key ranges at
    /// once, so a busy entity costs the round trips of one slice rather than of the whole period.
    /// </summary>
    public async Task<IReadOnlyList<MatchMoment>> ReadAsync(string entityId, DateTimeOffset from, DateTimeOffset to, int slices = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slices, 1);

        // Newest slice first; the last one ends exactly at the period's start, whatever the rounding of the width.
        var width = (to - from) / slices;
        var bounds = Enumerable.Range(0, slices + 1).Select(i => i == slices ? from : to - (width * i)).ToList();
        var parts = await Task.WhenAll(Enumerable.Range(0, slices).Select(i => ReadRangeAsync(entityId, bounds[i + 1], bounds[i], cancellationToken))).ConfigureAwait(false);
        return parts.SelectMany(part => part).ToList();
    }

    private async Task<List<MatchMoment>> ReadRangeAsync(string entityId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var moments = new List<MatchMoment>();
        await foreach (var row in storage.MatchIndex.QueryAsync<TableEntity>(MatchIndexRow.RangeFilter(entityId, from, to), maxPerPage: 1000, select: Columns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            moments.Add(new MatchMoment(MatchIndexRow.MatchedAtOf(row.RowKey), MatchIndexRow.ArticleIdOf(row.RowKey), row.GetString(nameof(MatchIndexRow.FeedId)) ?? string.Empty));
        }

        return moments;
    }
}
