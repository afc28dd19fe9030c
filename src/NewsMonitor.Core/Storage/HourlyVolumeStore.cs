using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace NewsMonitor.Storage;

/// <summary>An entity's matched articles in the UTC hour starting at <see cref="Hour"/>, in total and per feed.</summary>
public sealed record HourVolume(DateTimeOffset Hour, int Count, IReadOnlyDictionary<string, int> Feeds);

/// <summary>
/// One row per (entity, UTC hour) in table <c>EntityVolume</c>, PK entity id, RK the hour's <see cref="MatchIndexRow.TimeKey"/>:
/// how many articles matched and from which feeds, so a month of volume is at most 720 rows however busy the entity.
/// A row is never incremented: <see cref="RecountAsync"/> counts the hour's index rows again and replaces the row only
/// if no one changed it since it was read, so a redelivered article, two instances in the same hour, or a later change
/// to what counts all end in the count of what the index holds. The recount is the one place to leave dismissed matches
/// out: read the review state with the moments in <see cref="EntityTimeline"/>, and recount the hour on every triage change.
/// </summary>
public sealed class HourlyVolumeStore(MonitorStorage storage, EntityTimeline timeline)
{
    /// <summary>A table property holds 32K characters; an hour that names more feeds keeps its busiest.</summary>
    public const int MaxFeedsPerHour = 1000;

    /// <summary>A recount fails only when another writer's succeeded: ten writers of one hour all get through; more retry through their queue.</summary>
    private const int Attempts = 10;

    /// <summary>The row key of the marker that says from when an entity's hours are counted; sorts after every hour.</summary>
    private const string CountedKey = "~counted";

    private static readonly string[] Columns = [nameof(TableEntity.RowKey), nameof(HourVolume.Count), nameof(HourVolume.Feeds)];

    /// <summary>Counts the entity's index rows of the hour that holds <paramref name="moment"/> and stores the count.</summary>
    /// <exception cref="RequestFailedException">Other writers changed the row on every attempt; the caller's retry recounts.</exception>
    public async Task RecountAsync(string entityId, DateTimeOffset moment, CancellationToken cancellationToken = default)
    {
        var hour = HourOf(moment);
        for (var attempt = 1; ; attempt++)
        {
            // Read the row before counting: a writer whose index row this count missed changes the row, and the ETag check then fails.
            var current = await storage.EntityVolume.GetEntityIfExistsAsync<TableEntity>(entityId, MatchIndexRow.TimeKey(hour), [nameof(TableEntity.RowKey)], cancellationToken).ConfigureAwait(false);
            var row = Row(entityId, hour, await timeline.ReadAsync(entityId, hour, hour.AddHours(1), cancellationToken).ConfigureAwait(false));
            try
            {
                if (current.HasValue)
                {
                    await storage.EntityVolume.UpdateEntityAsync(row, current.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await storage.EntityVolume.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < Attempts)
            {
                // Someone recounted this hour meanwhile: count again, after a random pause so that writers of one busy
                // hour take turns instead of colliding again (each round lets at least one of them through).
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Recounts every hour of [from, to) from one read of the index, for matches stored before the hour rows existed;
    /// writes the hours that have matches or had a row. Unconditional: run it while no matches of the entity are being
    /// written, or recount the current hour after it.
    /// </summary>
    public async Task RebuildAsync(string entityId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var first = HourOf(from);
        var byHour = (await timeline.ReadAsync(entityId, first, to, cancellationToken).ConfigureAwait(false)).ToLookup(m => HourOf(m.At));
        var stored = (await ReadAsync(entityId, first, to, cancellationToken).ConfigureAwait(false)).Select(h => h.Hour);
        var rows = byHour.Select(h => h.Key).Union(stored).Select(hour => Row(entityId, hour, byHour[hour].ToList())).ToList();
        foreach (var batch in rows.Chunk(100))
        {
            await storage.EntityVolume.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The first time an entity's hours from <paramref name="from"/> are asked for, rebuilds them from the index (matches
    /// stored before the hour rows existed) and leaves a marker, so later calls cost one point read.
    /// </summary>
    public async Task EnsureCountedAsync(string entityId, DateTimeOffset from, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var marker = await storage.EntityVolume.GetEntityIfExistsAsync<TableEntity>(entityId, CountedKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (marker.HasValue && marker.Value!.GetDateTimeOffset("From") <= from)
        {
            return;
        }

        await RebuildAsync(entityId, from, now.AddHours(1), cancellationToken).ConfigureAwait(false);

        // Writes during the rebuild land in the last hours (an article's time is when it was discovered); their
        // conditional recounts may have been overwritten by the rebuild's rows, so count those hours once more.
        await RecountAsync(entityId, now.AddHours(-1), cancellationToken).ConfigureAwait(false);
        await RecountAsync(entityId, now, cancellationToken).ConfigureAwait(false);
        await storage.EntityVolume.UpsertEntityAsync(new TableEntity(entityId, CountedKey) { ["From"] = from }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The entity's hours that start in [from, to), newest first; hours without a row had no match.</summary>
    public async Task<IReadOnlyList<HourVolume>> ReadAsync(string entityId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var hours = new List<HourVolume>();
        await foreach (var row in storage.EntityVolume.QueryAsync<TableEntity>(MatchIndexRow.RangeFilter(entityId, from, to), maxPerPage: 1000, select: Columns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            hours.Add(new HourVolume(MatchIndexRow.MatchedAtOf(row.RowKey), row.GetInt32(nameof(HourVolume.Count)) ?? 0, ParseFeeds(row.GetString(nameof(HourVolume.Feeds)) ?? string.Empty)));
        }

        return hours;
    }

    public static DateTimeOffset HourOf(DateTimeOffset moment)
    {
        var utc = moment.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    private static TableEntity Row(string entityId, DateTimeOffset hour, IReadOnlyCollection<MatchMoment> moments)
    {
        var feeds = moments.GroupBy(m => m.FeedId, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(MaxFeedsPerHour)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}|{g.Count()}"));
        return new TableEntity(entityId, MatchIndexRow.TimeKey(hour))
        {
            [nameof(HourVolume.Count)] = moments.Count,
            [nameof(HourVolume.Feeds)] = string.Join(';', feeds),
        };
    }

    /// <summary>Reads <c>feed|count;…</c> as <see cref="Row"/> writes it.</summary>
    private static Dictionary<string, int> ParseFeeds(string feeds) => feeds
        .Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(entry => entry.Split('|'))
        .Where(parts => parts.Length == 2)
        .ToDictionary(parts => parts[0], parts => int.Parse(parts[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
}
