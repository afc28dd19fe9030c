using System.Globalization;
using NewsMonitor.Configuration;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Backfill;

/// <summary>
/// Backfill jobs as an analyst reads them — <c>monitor backfill --status</c>, <c>GET /api/backfills</c> and the
/// workspace's progress line all show this shape: each entity with its name from the live watchlist, whether it was
/// new or changed, and what the job found for it so far.
/// </summary>
public sealed class BackfillStatus(BackfillStore store, MonitorConfiguration configuration)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 1000;

    /// <summary>What a limit must be, for the messages that refuse one.</summary>
    public static readonly string LimitRule = string.Create(CultureInfo.InvariantCulture, $"a whole number from 1 to {MaxLimit}");

    /// <summary>Reads a limit as given (null: the default).</summary>
    /// <returns>False when it is not a whole number from 1 to <see cref="MaxLimit"/>.</returns>
    public static bool TryParseLimit(string? text, out int limit)
    {
        if (text is null)
        {
            limit = DefaultLimit;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is > 0 and <= MaxLimit;
    }

    /// <summary>The newest <paramref name="limit"/> jobs first.</summary>
    public async Task<IReadOnlyList<BackfillJobStatus>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        var jobs = store.ListJobsAsync(limit, cancellationToken);
        var watchlist = (await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false)).Watchlist;
        return (await jobs.ConfigureAwait(false)).Select(job => Of(job, watchlist)).ToList();
    }

    /// <summary>The jobs not done yet and the entities they fill in, from one query of the job listing.</summary>
    public async Task<RunningBackfills> RunningAsync(CancellationToken cancellationToken = default)
    {
        var running = await store.ListRunningAsync(cancellationToken).ConfigureAwait(false);
        var entities = running.SelectMany(r => r.EntityIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new RunningBackfills(running.Count, entities);
    }

    /// <summary>One job's status, its entities named from <paramref name="watchlist"/> (null: no longer on it).</summary>
    public static BackfillJobStatus Of(BackfillJob job, Watchlist watchlist) => new(
        job.Id,
        job.Trigger,
        job.State,
        job.WatchlistVersion,
        job.Entities.Keys.Order(StringComparer.Ordinal).Select(id => new BackfillEntityStatus(
            id,
            watchlist.Names.GetValueOrDefault(id),
            job.NewEntities.Contains(id) ? BackfillEntityStatus.NewToWatchlist : BackfillEntityStatus.DefinitionChanged,
            job.PerEntity.GetValueOrDefault(id).Added,
            job.PerEntity.GetValueOrDefault(id).Removed,
            job.Skipped.Contains(id))).ToList(),
        job.BlocksDone,
        job.BlocksTotal,
        job.Articles,
        job.TextLength,
        job.Added,
        job.Removed,
        job.From,
        job.To,
        job.CreatedAt,
        job.FinishedAt);
}

/// <summary>A backfill job: its trigger (<c>auto</c>, <c>manual</c>), state (<c>running</c>, <c>done</c>), entities and progress.</summary>
/// <param name="From">The start of the archive window it reads.</param>
/// <param name="TextLength">Characters of text (headline and body) read so far.</param>
public sealed record BackfillJobStatus(
    string Id,
    string Trigger,
    string State,
    string WatchlistVersion,
    IReadOnlyList<BackfillEntityStatus> Entities,
    int BlocksDone,
    int BlocksTotal,
    long Articles,
    long TextLength,
    int Added,
    int Removed,
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);

/// <summary>One entity of a job: its live name (null once it left the watchlist), why it is applied, and its counts.</summary>
/// <param name="Change"><c>added</c>: new to the watchlist; <c>changed</c>: its definition changed, or it was named by hand.</param>
/// <param name="Skipped">Its definition changed again during the job, so the job left it to the next one.</param>
public sealed record BackfillEntityStatus(string Id, string? Name, string Change, int Added, int Removed, bool Skipped)
{
    public const string NewToWatchlist = "added";
    public const string DefinitionChanged = "changed";
}

/// <summary>How many backfill jobs are running and which entities they fill in.</summary>
public sealed record RunningBackfills(int Jobs, IReadOnlyList<string> Entities);
