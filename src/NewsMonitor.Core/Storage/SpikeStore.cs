using Azure;
using Azure.Data.Tables;
using NewsMonitor.Delivery.Spikes;

namespace NewsMonitor.Storage;

/// <summary>
/// Table <c>Spikes</c>: one row per episode, PK entity id, RK <c>{setting}_{inverted ticks of the start hour}</c>, so an
/// entity's latest episode at a setting is the first row of its range. An episode is opened with a conditional insert:
/// of the instances that see the same hour fire, one wins and queues the alert. Row <c>~watched</c> of an entity holds
/// when its spike checks began (<see cref="Spikes.SpikeDetector.WarmUp"/>).
/// </summary>
public sealed class SpikeStore(MonitorStorage storage)
{
    /// <summary>Sorts after every episode row, so range queries of a setting never meet it.</summary>
    private const string WatchedKey = "~watched";

    /// <summary>When spike checks of the entity began: the time already recorded, or <paramref name="now"/>, recorded now.</summary>
    public async Task<DateTimeOffset> WatchedSinceAsync(string entityId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var row = await storage.Spikes.GetEntityIfExistsAsync<TableEntity>(entityId, WatchedKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (row.HasValue && row.Value!.GetDateTimeOffset("Since") is { } since)
        {
            return since;
        }

        try
        {
            await storage.Spikes.AddEntityAsync(new TableEntity(entityId, WatchedKey) { ["Since"] = now }, cancellationToken).ConfigureAwait(false);
            return now;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Another instance recorded it first: its time stands.
            return await WatchedSinceAsync(entityId, now, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The entity's newest episode at <paramref name="setting"/>, or null.</summary>
    public async Task<SpikeEpisode?> LatestAsync(string entityId, string setting, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {entityId} and RowKey gt {setting + "_"} and RowKey lt {setting + "_~"}");
        await foreach (var row in storage.Spikes.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return Read(row);
        }

        return null;
    }

    /// <summary>The entity's episodes at <paramref name="setting"/> that started in [from, to), newest first.</summary>
    public async Task<IReadOnlyList<SpikeEpisode>> ListAsync(string entityId, string setting, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {entityId} and RowKey gt {RowKey(setting, to)} and RowKey le {RowKey(setting, from)}");
        var episodes = new List<SpikeEpisode>();
        await foreach (var row in storage.Spikes.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            episodes.Add(Read(row));
        }

        return episodes;
    }

    /// <summary>
    /// The entity's episodes at every setting that were firing at some hour of [from, to), oldest first. An entity has a
    /// few episodes a month, so its whole partition is read rather than one range per setting.
    /// </summary>
    public async Task<IReadOnlyList<SpikeEpisode>> ListFiringAsync(string entityId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {entityId} and RowKey lt {WatchedKey}");
        var episodes = new List<SpikeEpisode>();
        await foreach (var row in storage.Spikes.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (Read(row) is { } episode && episode.LastFired.AddHours(1) > from && episode.Start < to)
            {
                episodes.Add(episode);
            }
        }

        return [.. episodes.OrderBy(e => e.Start)];
    }

    public async Task<SpikeEpisode?> GetAsync(string entityId, string setting, DateTimeOffset start, CancellationToken cancellationToken = default)
    {
        var row = await storage.Spikes.GetEntityIfExistsAsync<TableEntity>(entityId, RowKey(setting, start), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? Read(row.Value!) : null;
    }

    /// <summary>Records a new episode; null when another instance recorded the same one first.</summary>
    public async Task<SpikeEpisode?> TryOpenAsync(SpikeEpisode episode, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await storage.Spikes.AddEntityAsync(Row(episode), cancellationToken).ConfigureAwait(false);
            return episode with { ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    /// <summary>
    /// Moves the episode's last firing hour and peak forward, never back: each write is conditional on the row read, and
    /// a row changed meanwhile is read again, until it holds at least this hour and count.
    /// </summary>
    public Task ExtendAsync(SpikeEpisode episode, DateTimeOffset hour, int count, CancellationToken cancellationToken = default)
        => UpdateAsync(
            episode,
            e => hour > e.LastFired || count > e.PeakCount,
            e => new TableEntity { ["LastFired"] = hour > e.LastFired ? hour : e.LastFired, ["PeakCount"] = Math.Max(count, e.PeakCount) },
            cancellationToken);

    /// <summary>Marks a pending episode queued; one already delivered stays so.</summary>
    public Task MarkQueuedAsync(SpikeEpisode episode, CancellationToken cancellationToken = default)
        => UpdateAsync(episode, e => e.State == SpikeEpisode.Pending, _ => new TableEntity { ["State"] = SpikeEpisode.Queued }, cancellationToken);

    public Task MarkDeliveredAsync(SpikeEpisode episode, CancellationToken cancellationToken = default)
        => storage.Spikes.UpdateEntityAsync(new TableEntity(episode.EntityId, RowKey(episode.Setting, episode.Start)) { ["State"] = SpikeEpisode.Delivered }, ETag.All, TableUpdateMode.Merge, cancellationToken);

    /// <summary>Merges <paramref name="change"/> while <paramref name="needed"/> holds, conditional on the version read; a few rounds, then the caller's retry.</summary>
    private async Task UpdateAsync(SpikeEpisode episode, Func<SpikeEpisode, bool> needed, Func<SpikeEpisode, TableEntity> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; needed(episode); attempt++)
        {
            var row = change(episode);
            row.PartitionKey = episode.EntityId;
            row.RowKey = RowKey(episode.Setting, episode.Start);
            try
            {
                await storage.Spikes.UpdateEntityAsync(row, episode.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < 5)
            {
                episode = await GetAsync(episode.EntityId, episode.Setting, episode.Start, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Spike episode of {episode.EntityId} ({episode.Setting}) from {episode.Start:yyyy-MM-ddTHH}Z was deleted while it was updated");
            }
        }
    }

    private static string RowKey(string setting, DateTimeOffset start) => $"{setting}_{MatchIndexRow.TimeKey(start)}";

    private static TableEntity Row(SpikeEpisode episode) => new(episode.EntityId, RowKey(episode.Setting, episode.Start))
    {
        ["Setting"] = episode.Setting,
        ["Start"] = episode.Start,
        ["LastFired"] = episode.LastFired,
        ["Count"] = episode.Count,
        ["Expected"] = episode.Expected,
        ["PeakCount"] = episode.PeakCount,
        ["State"] = episode.State,
        ["RecordedAt"] = episode.RecordedAt,
    };

    private static SpikeEpisode Read(TableEntity row) => new(
        row.PartitionKey,
        row.GetString("Setting") ?? row.RowKey[..row.RowKey.LastIndexOf('_')],
        row.GetDateTimeOffset("Start") ?? MatchIndexRow.MatchedAtOf(row.RowKey[(row.RowKey.LastIndexOf('_') + 1)..]),
        row.GetDateTimeOffset("LastFired") ?? default,
        row.GetInt32("Count") ?? 0,
        row.GetDouble("Expected") ?? 1,
        row.GetInt32("PeakCount") ?? 0,
        row.GetString("State") ?? SpikeEpisode.Pending,
        row.GetDateTimeOffset("RecordedAt") ?? default)
    {
        ETag = row.ETag,
    };
}
