using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsMonitor.Archive;
using NewsMonitor.Configuration;
using NewsMonitor.Storage;

namespace NewsMonitor.Backfill;

/// <summary>
/// Notices a watchlist change — live definitions whose fingerprints differ from those the index was brought up to date
/// with — and plans one backfill job for it: a header in <c>Backfills</c> and one <c>backfill</c> message per archive
/// block of the retention window. The job's id is derived from the change, so planning the same change twice (two
/// instances, or a timer occurrence that ran again) finds the job instead of making a second one.
/// </summary>
public sealed partial class BackfillPlanner(
    MonitorConfiguration configuration,
    ArticleArchive archive,
    BackfillStore store,
    MonitorStorage storage,
    TimeProvider clock,
    IOptions<MonitorOptions> options,
    ILogger<BackfillPlanner> logger)
{
    /// <summary>A finished job whose entities are still not applied (a block skipped them) gets a fresh attempt; this many at most.</summary>
    private const int MaxAttempts = 20;

    private const int SendParallelism = 16;

    /// <summary>
    /// How long after a watchlist change an article may still be matched with the previous watchlist: every instance
    /// reloads a watchlist kept in storage within <see cref="MonitorOptions.ConfigRefreshInterval"/> (a file is read on
    /// every use), and an article being matched at the change still has its writes to finish.
    /// </summary>
    public TimeSpan Settle => (string.IsNullOrEmpty(options.Value.ConfigContainer) ? TimeSpan.Zero : options.Value.ConfigRefreshInterval) + TimeSpan.FromSeconds(5);

    /// <summary>
    /// Plans a job when the live watchlist holds new or changed definitions, and records entities that left it.
    /// Callers hold a <see cref="SingletonLock"/> (the <c>ScheduleFeeds</c> occurrence runs it), so at most one instance
    /// plans at a time; the derived job id makes a second planning of the same change harmless anyway.
    /// </summary>
    /// <returns>The job for the change, new or found; null when the index is up to date with the watchlist.</returns>
    public async Task<BackfillJob?> PlanAutomaticAsync(CancellationToken cancellationToken = default)
    {
        var matcher = await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false);
        var live = EntityFingerprints.Of(matcher.Watchlist);
        var applied = await store.ReadAppliedAsync(cancellationToken).ConfigureAwait(false);
        var current = applied.Values.Where(a => a.RemovedAt is null).ToDictionary(a => a.EntityId, a => a.Fingerprint, StringComparer.Ordinal);
        var plan = BackfillPlan.Between(live, current);
        var now = clock.GetUtcNow();
        await store.RecordRemovedAsync(plan.Removed.Select(id => applied[id]), now, cancellationToken).ConfigureAwait(false);
        if (plan.Apply.Count == 0)
        {
            return null;
        }

        // The change is "these entities, from what was applied when, to these definitions": the same change planned
        // again gets the same id, a later change (even back to an earlier definition) another.
        var change = string.Join('\n', plan.Apply.Select(e => applied.TryGetValue(e.Key, out var old)
            ? $"{e.Key}:{old.Fingerprint}@{old.AppliedAt.UtcTicks}>{e.Value}"
            : $"{e.Key}:>{e.Value}"));

        // A first plan (nothing applied yet: a new deployment, or one from before backfills) follows no change: whatever
        // was processed was matched with the watchlist as it is, so no article can fall between old and new.
        var first = current.Count == 0 && applied.Count == 0;
        return await PlanAsync(BackfillJob.Automatic, "a", change, plan.Apply, plan.Added, now - options.Value.ArchiveRetention, first ? now : now + Settle, edge: !first, matcher.Watchlist.Version, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Plans (or finds, to resume it) a job run by hand for <paramref name="entityIds"/> (every entity when empty) over
    /// [<paramref name="from"/>, now). Its blocks are not queued: the caller applies them (<see cref="BackfillRunner"/>).
    /// </summary>
    /// <exception cref="UnknownEntitiesException">An entity id is not on the live watchlist.</exception>
    public async Task<BackfillJob> PlanManualAsync(DateTimeOffset from, IReadOnlyCollection<string> entityIds, CancellationToken cancellationToken = default)
    {
        var matcher = await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false);
        var plan = BackfillPlan.For(EntityFingerprints.Of(matcher.Watchlist), entityIds);
        var now = clock.GetUtcNow();

        // The same request within the hour resumes the job a stopped run left, rather than starting over.
        var change = string.Join('\n', plan.Apply.Select(e => $"{e.Key}={e.Value}").Prepend(ArchiveBlock.HourOf(from).UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(ArchiveBlock.HourOf(now).UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return (await PlanAsync(BackfillJob.Manual, "m", change, plan.Apply, plan.Added, from, now, edge: false, matcher.Watchlist.Version, now, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The blocks of a job's window (the archive's blocks in it, and for an automatic job every shard of its last hours).</summary>
    public async Task<List<ArchiveBlock>> BlocksOfAsync(BackfillJob job, bool edge, CancellationToken cancellationToken = default)
    {
        var blocks = (await archive.ListBlocksAsync(job.From, job.To, cancellationToken).ConfigureAwait(false)).ToHashSet();
        if (edge)
        {
            // Articles of these hours may be written after the plan, by instances still on the previous watchlist, and
            // their blocks may not exist yet: every shard is queued, to be read once those writes are over.
            for (var hour = ArchiveBlock.HourOf(job.CreatedAt).AddHours(-1); hour < job.To; hour = hour.AddHours(1))
            {
                for (var shard = 0; shard < ArchiveBlock.ShardCount; shard++)
                {
                    blocks.Add(new ArchiveBlock(hour, shard));
                }
            }
        }

        var sorted = blocks.ToList();
        sorted.Sort(ArchiveBlock.NewestFirst);
        return sorted;
    }

    private async Task<BackfillJob?> PlanAsync(string trigger, string prefix, string change, IReadOnlyDictionary<string, string> entities, IReadOnlyList<string> added, DateTimeOffset from, DateTimeOffset to, bool edge, string version, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(change)))[..20];
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var id = attempt == 1 ? key : $"{key}{attempt}";
            var existing = await store.GetJobAsync(id, cancellationToken).ConfigureAwait(false);
            if (existing is { IsDone: true } && existing.Skipped.Count == 0 && trigger == BackfillJob.Automatic)
            {
                // Done and applied: only a change recorded since makes a new id, so there is nothing left to plan.
                return existing;
            }

            if (existing is { IsDone: true })
            {
                continue;
            }

            if (existing is null)
            {
                var job = new BackfillJob(id, trigger, BackfillJob.Running, version, from, to, entities, added.ToHashSet(StringComparer.Ordinal), 0, 0, 0, 0, new Dictionary<string, EntityTally>(), new HashSet<string>(), Enqueued: trigger == BackfillJob.Manual, now, null);
                var blocks = await BlocksOfAsync(job, edge, cancellationToken).ConfigureAwait(false);
                job = job with { BlocksTotal = blocks.Count };
                if (!await store.TryCreateJobAsync(job, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                LogPlanned(id, trigger, entities.Count, blocks.Count, from, to);
                existing = job;
                if (trigger == BackfillJob.Automatic)
                {
                    await EnqueueAsync(job, blocks, edge, cancellationToken).ConfigureAwait(false);
                }
            }
            else if (!existing.Enqueued)
            {
                // Planned by a run that stopped before its messages were all sent: a block sent twice is applied once.
                await EnqueueAsync(existing, await BlocksOfAsync(existing, edge, cancellationToken).ConfigureAwait(false), edge, cancellationToken).ConfigureAwait(false);
            }

            if (existing.BlocksTotal == 0)
            {
                // An empty window (a new deployment's empty archive): done at once.
                if (existing.AppliesToArchive(options.Value.ArchiveRetention))
                {
                    await store.RecordAppliedAsync(existing, now, cancellationToken).ConfigureAwait(false);
                }

                await store.MarkDoneAsync(existing, now, cancellationToken).ConfigureAwait(false);
                return await store.GetJobAsync(existing.Id, cancellationToken).ConfigureAwait(false);
            }

            return existing;
        }

        throw new InvalidOperationException($"Backfill: {MaxAttempts} jobs for the same change of {string.Join(", ", entities.Keys)} ended without applying it; see `monitor backfill --status`");
    }

    private async Task EnqueueAsync(BackfillJob job, IReadOnlyList<ArchiveBlock> blocks, bool edge, CancellationToken cancellationToken)
    {
        var ids = job.Entities.Keys.ToList();
        var settledAt = job.To + TimeSpan.FromSeconds(1);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = SendParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(blocks, parallel, async (block, ct) =>
        {
            // Window edge: a block that articles matched with the previous watchlist may still join is read only once
            // they have all been written (see Settle); until then its message stays invisible. Applied earlier, such an
            // article would be stored with the old definitions after the block was read, and nothing would read it again.
            var delay = edge && block.End > job.CreatedAt.AddHours(-1) ? settledAt - clock.GetUtcNow() : TimeSpan.Zero;
            var message = JsonSerializer.Serialize(new BackfillMessage(job.Id, block.Name, ids), JsonDefaults.Options);
            await storage.BackfillQueue.SendMessageAsync(message, visibilityTimeout: delay > TimeSpan.Zero ? delay : null, cancellationToken: ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
        await store.MarkEnqueuedAsync(job.Id, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfill {JobId} ({Trigger}) planned for {Entities} entities: {Blocks} blocks from {From} to {To}")]
    private partial void LogPlanned(string jobId, string trigger, int entities, int blocks, DateTimeOffset from, DateTimeOffset to);
}
