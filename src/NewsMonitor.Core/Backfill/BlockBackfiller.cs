using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsMonitor.Archive;
using NewsMonitor.Configuration;
using NewsMonitor.Matching;
using NewsMonitor.Queues;
using NewsMonitor.Storage;

namespace NewsMonitor.Backfill;

/// <summary>
/// The <c>BackfillBlock</c> stage: applies a job's entities to one archive block. Reads the block once through
/// <see cref="ArchiveScanner"/>, matches each article with the live matcher, reads the hour's day-partition index rows
/// once, and writes only the difference (<see cref="ArticleRematch"/>, <see cref="MatchStore.RewriteAsync"/>); then
/// recounts the touched entity-hours and counts the block done in the job. What the block will change is recorded before
/// its first write, so a redelivered message, or one whose run stopped at any point, finishes the block without
/// changing anything twice or counting it twice. Throws on storage faults and on a message that names no job or no
/// block, so the host retries and then parks the message in <c>backfill-poison</c>.
/// </summary>
public sealed partial class BlockBackfiller(
    MonitorConfiguration configuration,
    ArchiveScanner scanner,
    MatchStore matches,
    HourlyVolumeStore volumes,
    BackfillStore store,
    TimeProvider clock,
    IOptions<MonitorOptions> options,
    ILogger<BlockBackfiller> logger)
{
    /// <summary>Articles of a block read and written at once.</summary>
    public const int WriteParallelism = 8;

    /// <returns>What the block changed (counted in its job); null when an earlier delivery had finished it already.</returns>
    public async Task<BlockProgress?> ApplyAsync(BackfillMessage message, CancellationToken cancellationToken = default)
    {
        if (!ArchiveBlock.TryParse(message.Block, out var block))
        {
            throw new PipelineException($"BackfillBlock: job {message.JobId}: \"{message.Block}\" is not an archive block name (yyyy/MM/dd/HH/sN)");
        }

        // The reads a block needs go out together: on a quiet block their round trips, not matching, are the cost.
        var jobRead = store.GetJobAsync(message.JobId, cancellationToken);
        var blockRead = store.GetBlockAsync(message.JobId, block.Name, cancellationToken);
        var hourRead = matches.ReadHourAsync(block.Hour, cancellationToken);
        var job = await jobRead.ConfigureAwait(false)
            ?? throw new PipelineException($"BackfillBlock: no backfill job \"{message.JobId}\" (block {message.Block})");
        if (await blockRead.ConfigureAwait(false) is { Done: true })
        {
            await FinishIfCompleteAsync(job, cancellationToken).ConfigureAwait(false);
            return null;
        }

        // Only definitions the live watchlist still has: one changed again since the job was planned is skipped here,
        // stays unapplied, and the next planning applies its newer definition in a job of its own.
        var matcher = await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false);
        var live = EntityFingerprints.Of(matcher.Watchlist);
        var wanted = message.Entities.Where(job.Entities.ContainsKey).ToList();
        var apply = wanted.Where(id => live.GetValueOrDefault(id) == job.Entities[id]).ToDictionary(id => id, id => job.Entities[id], StringComparer.Ordinal);
        var skipped = wanted.Where(id => !apply.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
        var entities = new BackfillJobEntities(job.Id, job.WatchlistVersion, apply, job.CreatedAt);

        var found = new List<(ArchivedArticle Article, MatchResult Fresh)>();
        var statistics = await scanner.ScanAsync(job.From, job.To, content =>
        {
            foreach (var article in content.Articles)
            {
                found.Add((article, matcher.Match(article.ToArticleText(), article.FeedId).Without(id => !apply.ContainsKey(id))));
            }

            return true;
        }, [block], cancellationToken).ConfigureAwait(false);

        var listedRows = await hourRead.ConfigureAwait(false);
        var candidates = new List<(ArchivedArticle Article, MatchResult Fresh, MatchIndexRow? Day, HashSet<string> Listed)>();
        foreach (var (article, fresh) in found)
        {
            var day = listedRows.GetValueOrDefault(article.ArticleId);
            var listed = (day?.Entities ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Where(apply.ContainsKey).ToHashSet(StringComparer.Ordinal);
            if (fresh.Entities.Count > 0 || listed.Count > 0)
            {
                candidates.Add((article, fresh, day, listed));
            }
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = WriteParallelism, CancellationToken = cancellationToken };
        var computed = new ArticleRematch[candidates.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, candidates.Count), parallel, async (i, ct) =>
        {
            var (article, fresh, _, listed) = candidates[i];
            var stored = await matches.ReadArticleAsync(StoredArticle.BlobPathFor(article.ArticleId, article.DiscoveredAt), ct).ConfigureAwait(false);
            computed[i] = ArticleRematch.Compute(article, stored, listed, fresh, entities);
        }).ConfigureAwait(false);
        var changes = computed
            .Select((change, i) => (Change: change, candidates[i].Day))
            .Where(c => c.Change.Article is not null && (c.Change.ChangesIndex || c.Change.BlobChanged))
            .ToList();

        var tallies = apply.Keys.ToDictionary(
            id => id,
            id => new EntityTally(changes.Count(c => c.Change.Added.Contains(id)), changes.Count(c => c.Change.Removed.Contains(id))),
            StringComparer.Ordinal);
        var recorded = await store.RecordBlockAsync(job.Id, block.Name, new BlockProgress(statistics.Articles, statistics.TextLength, tallies, skipped, Done: false), cancellationToken).ConfigureAwait(false);

        // Articles are independent of each other: their writes overlap, as storage round trips, not matching, bound a block.
        await Parallel.ForEachAsync(changes, parallel, (entry, ct) => new ValueTask(matches.RewriteAsync(entry.Change.Article!, entry.Day, entry.Change.Added, entry.Change.Removed, entry.Change.Updated, entry.Change.BlobChanged, ct))).ConfigureAwait(false);

        // After every index write of the block; the recorded tallies name the entities an earlier, stopped run changed too.
        var touched = recorded.Touched.Union(tallies.Where(t => t.Value.Added + t.Value.Removed > 0).Select(t => t.Key)).Distinct(StringComparer.Ordinal);
        await Parallel.ForEachAsync(touched, parallel, (entityId, ct) => new ValueTask(volumes.RecountAsync(entityId, block.Hour, ct))).ConfigureAwait(false);

        var counted = await store.CompleteBlockAsync(job.Id, block.Name, cancellationToken).ConfigureAwait(false);
        LogBlockApplied(job.Id, block.Name, statistics.Articles, counted.BlocksDone, counted.BlocksTotal);
        await FinishIfCompleteAsync(counted, cancellationToken).ConfigureAwait(false);
        return recorded with { Done = true };
    }

    /// <summary>
    /// Once every block is done, records the job's definitions as applied (which stops the planner from planning them
    /// again), then marks the job done. Run by whichever block finishes last, and again harmlessly by any redelivery.
    /// A job run by hand over less than the archive window leaves the applied state alone: older articles were not read.
    /// </summary>
    public async Task FinishIfCompleteAsync(BackfillJob job, CancellationToken cancellationToken = default)
    {
        if (job.IsDone || job.BlocksDone < job.BlocksTotal)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (job.AppliesToArchive(options.Value.ArchiveRetention))
        {
            await store.RecordAppliedAsync(job, now, cancellationToken).ConfigureAwait(false);
        }

        await store.MarkDoneAsync(job, now, cancellationToken).ConfigureAwait(false);
        LogJobDone(job.Id, job.BlocksTotal, job.Articles, job.Added, job.Removed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfill {JobId}: block {Block} applied ({Articles} articles); {Done}/{Total} blocks done")]
    private partial void LogBlockApplied(string jobId, string block, int articles, int done, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfill {JobId} done: {Blocks} blocks, {Articles} articles, {Added} matches added, {Removed} removed")]
    private partial void LogJobDone(string jobId, int blocks, long articles, int added, int removed);
}
