using System.Diagnostics;
using NewsMonitor.Storage;

namespace NewsMonitor.Backfill;

/// <summary>
/// Runs a backfill in this process (<c>monitor backfill</c>): plans the job, or finds the one a stopped run left, and
/// applies each of its blocks not done yet with the same <see cref="BlockBackfiller"/> the queue trigger calls.
/// </summary>
public sealed class BackfillRunner(BackfillPlanner planner, BlockBackfiller backfiller, BackfillStore store)
{
    /// <summary>Blocks applied at once: reading one overlaps matching and writing others.</summary>
    public const int Parallelism = 4;

    /// <param name="progress">Told the job's state after each block.</param>
    /// <exception cref="ArgumentException">An entity id is not on the live watchlist.</exception>
    public async Task<BackfillRun> RunAsync(DateTimeOffset from, IReadOnlyCollection<string> entityIds, Action<BackfillJob>? progress = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var job = await planner.PlanManualAsync(from, entityIds, cancellationToken).ConfigureAwait(false);
        var blocks = await planner.BlocksOfAsync(job, edge: false, cancellationToken).ConfigureAwait(false);
        var entities = job.Entities.Keys.ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(blocks, parallel, async (block, ct) =>
        {
            await backfiller.ApplyAsync(new BackfillMessage(job.Id, block.Name, entities), ct).ConfigureAwait(false);
            if (progress is not null && await store.GetJobAsync(job.Id, ct).ConfigureAwait(false) is { } now)
            {
                progress(now);
            }
        }).ConfigureAwait(false);

        // A job resumed after its last block was counted but before it was marked done is finished here.
        var final = await store.GetJobAsync(job.Id, cancellationToken).ConfigureAwait(false) ?? job;
        await backfiller.FinishIfCompleteAsync(final, cancellationToken).ConfigureAwait(false);
        final = await store.GetJobAsync(job.Id, cancellationToken).ConfigureAwait(false) ?? final;
        return new BackfillRun(final, watch.Elapsed);
    }
}

/// <summary>A backfill run by hand: the job as it ended, and how long this run took.</summary>
public sealed record BackfillRun(BackfillJob Job, TimeSpan Elapsed)
{
    /// <summary>Megabytes of text (headline and body) read per second of this run.</summary>
    public double TextMegabytesPerSecond => Elapsed > TimeSpan.Zero ? Job.TextLength / 1e6 / Elapsed.TotalSeconds : 0;
}
