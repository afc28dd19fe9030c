using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace NewsMonitor.Storage;

/// <summary>
/// Table <c>Backfills</c>. Partition <c>applied</c>: one row per entity, RK its id, the fingerprint of the definition the
/// index was last brought up to date with. Partition <c>jobs</c>: one row per job, RK inverted creation time + job id,
/// so the newest lists first, with the job's state and entity ids, so the running jobs are one query of one small
/// partition. Partition = the job id: the job's header (RK <c>~job</c>) and one row per block (RK
/// <c>b|yyyy-MM-dd-HH-sN</c>). Header and block rows share a partition so a block's completion and the header's counts
/// change in one transaction: a block counts once however often it runs or wherever it stops.
/// </summary>
public sealed class BackfillStore(MonitorStorage storage)
{
    private const string AppliedPartition = "applied";
    private const string JobsPartition = "jobs";
    private const string HeaderKey = "~job";

    /// <summary>Ten writers finishing blocks of one job at once all get through; more retry through their queue.</summary>
    /// <summary>
    /// Tries at counting a block into its job's header. Every block of a job writes that one row, so blocks that finish
    /// together queue for it: each lost race means another block was counted, and the randomised, growing pause spreads
    /// them out. Ten tries were lost in a row by four blocks of a quiet archive; a throw here would leave a finished
    /// block uncounted until its message is delivered again.
    /// </summary>
    private const int Attempts = 100;

    public async Task<Dictionary<string, AppliedEntity>> ReadAppliedAsync(CancellationToken cancellationToken = default)
    {
        var applied = new Dictionary<string, AppliedEntity>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AppliedPartition}");
        await foreach (var row in storage.Backfills.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            applied[row.RowKey] = new AppliedEntity(
                row.RowKey,
                row.GetString("Fingerprint") ?? string.Empty,
                row.GetString("WatchlistVersion") ?? string.Empty,
                row.GetString("Job") ?? string.Empty,
                row.GetDateTimeOffset("AppliedAt") ?? DateTimeOffset.MinValue,
                row.GetDateTimeOffset("RemovedAt"));
        }

        return applied;
    }

    /// <summary>Records that the job's definitions are applied to the whole archive window, for every entity it did not skip.</summary>
    public async Task RecordAppliedAsync(BackfillJob job, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var rows = job.Entities.Where(e => !job.Skipped.Contains(e.Key)).Select(e => new TableEntity(AppliedPartition, e.Key)
        {
            ["Fingerprint"] = e.Value,
            ["WatchlistVersion"] = job.WatchlistVersion,
            ["Job"] = job.Id,
            ["AppliedAt"] = at,
        });
        foreach (var batch in rows.Chunk(100))
        {
            await storage.Backfills.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Marks entities gone from the watchlist (their rows are hidden and purged elsewhere); a repeat keeps the first time.</summary>
    public async Task RecordRemovedAsync(IEnumerable<AppliedEntity> removed, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        foreach (var entity in removed.Where(e => e.RemovedAt is null))
        {
            await storage.Backfills.UpdateEntityAsync(new TableEntity(AppliedPartition, entity.EntityId) { ["RemovedAt"] = at }, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Creates the job's header and its listing row.</summary>
    /// <returns>False when a job with this id exists already (the same change planned twice).</returns>
    public async Task<bool> TryCreateJobAsync(BackfillJob job, CancellationToken cancellationToken = default)
    {
        // The listing row first: a run stopped between the two leaves a listed job whose header the next planning writes.
        await storage.Backfills.UpsertEntityAsync(ListingRow(job), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        try
        {
            await storage.Backfills.AddEntityAsync(ToRow(job), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Another planner created it meanwhile: its listing row stands; ours, under another time, would list the job
            // twice and stay "running" after it is done (under the same time, it is written back as the header says).
            if (await GetJobAsync(job.Id, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                if (ListingKey(existing) == ListingKey(job))
                {
                    await storage.Backfills.UpsertEntityAsync(ListingRow(existing), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await storage.Backfills.DeleteEntityAsync(JobsPartition, ListingKey(job), cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }

            return false;
        }
    }

    public async Task<BackfillJob?> GetJobAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var row = await storage.Backfills.GetEntityIfExistsAsync<TableEntity>(jobId, HeaderKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? FromRow(row.Value!) : null;
    }

    /// <summary>The newest jobs first.</summary>
    public async Task<List<BackfillJob>> ListJobsAsync(int limit, CancellationToken cancellationToken = default)
    {
        var jobs = new List<BackfillJob>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {JobsPartition}");
        await foreach (var row in storage.Backfills.QueryAsync<TableEntity>(filter, maxPerPage: Math.Clamp(limit, 1, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // A second planning of the same change lists the job again under its own time: it is shown once.
            if (listed.Add(row.GetString("Job") ?? string.Empty) && await GetJobAsync(row.GetString("Job") ?? string.Empty, cancellationToken).ConfigureAwait(false) is { } job)
            {
                jobs.Add(job);
            }

            if (jobs.Count >= limit)
            {
                break;
            }
        }

        return jobs;
    }

    /// <summary>The jobs not done yet, newest first, with their entity ids: one query of the listing partition.</summary>
    public async Task<List<RunningBackfill>> ListRunningAsync(CancellationToken cancellationToken = default)
    {
        var running = new List<RunningBackfill>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {JobsPartition} and State eq {BackfillJob.Running}");
        await foreach (var row in storage.Backfills.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var id = row.GetString("Job") ?? string.Empty;
            if (running.TrueForAll(r => r.JobId != id))
            {
                running.Add(new RunningBackfill(id, (row.GetString("Entities") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)));
            }
        }

        return running;
    }

    public Task MarkEnqueuedAsync(string jobId, CancellationToken cancellationToken = default)
        => storage.Backfills.UpdateEntityAsync(new TableEntity(jobId, HeaderKey) { ["Enqueued"] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken);

    /// <summary>Marks the job done; the applied fingerprints are recorded before, by <see cref="RecordAppliedAsync"/>.</summary>
    public async Task MarkDoneAsync(BackfillJob job, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        // The listing row first: a run stopped between the two finds the header still running and marks both again.
        await storage.Backfills.UpsertEntityAsync(ListingRow(job with { State = BackfillJob.Done }), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        await storage.Backfills.UpdateEntityAsync(new TableEntity(job.Id, HeaderKey) { ["State"] = BackfillJob.Done, ["FinishedAt"] = at }, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BlockProgress?> GetBlockAsync(string jobId, string block, CancellationToken cancellationToken = default)
    {
        var row = await storage.Backfills.GetEntityIfExistsAsync<TableEntity>(jobId, BlockKey(block), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? BlockFromRow(row.Value!) : null;
    }

    /// <summary>
    /// Records what a block is about to change, before its first write; when an earlier run recorded it already, that
    /// record stands (it saw the block before any of its writes) and is returned.
    /// </summary>
    public async Task<BlockProgress> RecordBlockAsync(string jobId, string block, BlockProgress progress, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.Backfills.AddEntityAsync(BlockRow(jobId, block, progress), cancellationToken).ConfigureAwait(false);
            return progress;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await GetBlockAsync(jobId, block, cancellationToken).ConfigureAwait(false) ?? progress;
        }
    }

    /// <summary>
    /// Marks the block done and adds its counts to the job's header in one transaction, so they are added once.
    /// </summary>
    /// <returns>The header after the block is counted.</returns>
    /// <exception cref="InvalidOperationException">The job or the block's record does not exist.</exception>
    public async Task<BackfillJob> CompleteBlockAsync(string jobId, string block, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var headerRead = storage.Backfills.GetEntityIfExistsAsync<TableEntity>(jobId, HeaderKey, cancellationToken: cancellationToken);
            var blockRead = storage.Backfills.GetEntityIfExistsAsync<TableEntity>(jobId, BlockKey(block), cancellationToken: cancellationToken);
            var header = await headerRead.ConfigureAwait(false);
            var blockRow = await blockRead.ConfigureAwait(false);
            if (!header.HasValue || !blockRow.HasValue)
            {
                throw new InvalidOperationException($"Backfill job {jobId}: no header or no record of block {block} to complete");
            }

            var job = FromRow(header.Value!);
            var progress = BlockFromRow(blockRow.Value!);
            if (progress.Done)
            {
                return job;
            }

            var perEntity = job.PerEntity.ToDictionary(StringComparer.Ordinal);
            foreach (var (id, tally) in progress.PerEntity)
            {
                perEntity[id] = perEntity.GetValueOrDefault(id) + tally;
            }

            var counted = job with
            {
                BlocksDone = job.BlocksDone + 1,
                Articles = job.Articles + progress.Articles,
                TextLength = job.TextLength + progress.TextLength,
                PerEntity = perEntity,
                Skipped = job.Skipped.Union(progress.Skipped, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal),
            };
            var done = BlockRow(jobId, block, progress with { Done = true });
            try
            {
                await storage.Backfills.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, done, blockRow.Value!.ETag),
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToRow(counted), header.Value!.ETag),
                ], cancellationToken).ConfigureAwait(false);
                return counted;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && attempt < Attempts)
            {
                // Another block of the job was counted meanwhile: read the header again, after a random pause.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, Math.Min(20 * attempt, 1000))), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string ListingKey(BackfillJob job) => MatchIndexRow.TimeKey(job.CreatedAt) + "_" + job.Id;

    private static TableEntity ListingRow(BackfillJob job) => new(JobsPartition, ListingKey(job))
    {
        ["Job"] = job.Id,
        ["State"] = job.State,
        ["Entities"] = string.Join(',', job.Entities.Keys.Order(StringComparer.Ordinal)),
    };

    // Row keys allow no '/'.
    private static string BlockKey(string block) => "b|" + block.Replace('/', '-');

    private static TableEntity ToRow(BackfillJob job) => new(job.Id, HeaderKey)
    {
        ["Trigger"] = job.Trigger,
        ["State"] = job.State,
        ["WatchlistVersion"] = job.WatchlistVersion,
        ["From"] = job.From,
        ["To"] = job.To,
        ["Entities"] = string.Join(';', job.Entities.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}")),
        ["New"] = string.Join(',', job.NewEntities.Order(StringComparer.Ordinal)),
        ["BlocksTotal"] = job.BlocksTotal,
        ["BlocksDone"] = job.BlocksDone,
        ["Articles"] = job.Articles,
        ["TextLength"] = job.TextLength,
        ["PerEntity"] = Tallies(job.PerEntity),
        ["Skipped"] = string.Join(',', job.Skipped.Order(StringComparer.Ordinal)),
        ["Enqueued"] = job.Enqueued,
        ["CreatedAt"] = job.CreatedAt,
        ["FinishedAt"] = job.FinishedAt,
    };

    private static BackfillJob FromRow(TableEntity row) => new(
        row.PartitionKey,
        row.GetString("Trigger") ?? string.Empty,
        row.GetString("State") ?? BackfillJob.Running,
        row.GetString("WatchlistVersion") ?? string.Empty,
        row.GetDateTimeOffset("From") ?? DateTimeOffset.MinValue,
        row.GetDateTimeOffset("To") ?? DateTimeOffset.MinValue,
        (row.GetString("Entities") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal),
        SplitSet(row.GetString("New")),
        row.GetInt32("BlocksTotal") ?? 0,
        row.GetInt32("BlocksDone") ?? 0,
        row.GetInt64("Articles") ?? 0,
        row.GetInt64("TextLength") ?? 0,
        ParseTallies(row.GetString("PerEntity")),
        SplitSet(row.GetString("Skipped")),
        row.GetBoolean("Enqueued") ?? false,
        row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        row.GetDateTimeOffset("FinishedAt"));

    private static TableEntity BlockRow(string jobId, string block, BlockProgress progress) => new(jobId, BlockKey(block))
    {
        ["Articles"] = progress.Articles,
        ["TextLength"] = progress.TextLength,
        ["PerEntity"] = Tallies(progress.PerEntity),
        ["Skipped"] = string.Join(',', progress.Skipped.Order(StringComparer.Ordinal)),
        ["Done"] = progress.Done,
    };

    private static BlockProgress BlockFromRow(TableEntity row) => new(
        row.GetInt32("Articles") ?? 0,
        row.GetInt64("TextLength") ?? 0,
        ParseTallies(row.GetString("PerEntity")),
        SplitSet(row.GetString("Skipped")),
        row.GetBoolean("Done") ?? false);

    // id|added|removed;… — a table property holds 32K characters: room for about a thousand entities.
    private static string Tallies(IReadOnlyDictionary<string, EntityTally> tallies)
        => string.Join(';', tallies.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key}|{t.Value.Added}|{t.Value.Removed}")));

    private static Dictionary<string, EntityTally> ParseTallies(string? text) => (text ?? string.Empty)
        .Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(entry => entry.Split('|'))
        .Where(parts => parts.Length == 3)
        .ToDictionary(parts => parts[0], parts => new EntityTally(int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture)), StringComparer.Ordinal);

    private static HashSet<string> SplitSet(string? text) => (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
