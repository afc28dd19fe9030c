namespace NewsMonitor.Storage;

/// <summary>Matches a backfill added and removed for one entity.</summary>
public readonly record struct EntityTally(int Added, int Removed)
{
    public static EntityTally operator +(EntityTally a, EntityTally b) => new(a.Added + b.Added, a.Removed + b.Removed);
}

/// <summary>
/// One backfill: which entity definitions it applies over which window of the archive, and how far it got. Its counts
/// are the sum of its finished blocks' (<see cref="BlockProgress"/>), each added once however often the block ran.
/// </summary>
/// <param name="Trigger"><c>auto</c> (planned on a watchlist change) or <c>manual</c> (<c>monitor backfill</c>).</param>
/// <param name="Entities">Entity id → fingerprint of the definition applied.</param>
/// <param name="NewEntities">The entities among <paramref name="Entities"/> that were new to the watchlist; the others changed (or were named by hand).</param>
/// <param name="Skipped">Entities a block left alone because the live watchlist no longer had this definition; not recorded as applied.</param>
/// <param name="Enqueued">Every block's message was sent; a planner that finds it false sends them again.</param>
public sealed record BackfillJob(
    string Id,
    string Trigger,
    string State,
    string WatchlistVersion,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyDictionary<string, string> Entities,
    IReadOnlySet<string> NewEntities,
    int BlocksTotal,
    int BlocksDone,
    long Articles,
    long TextLength,
    IReadOnlyDictionary<string, EntityTally> PerEntity,
    IReadOnlySet<string> Skipped,
    bool Enqueued,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt)
{
    public const string Automatic = "auto";
    public const string Manual = "manual";
    public const string Running = "running";
    public const string Done = "done";

    public int Added => PerEntity.Values.Sum(t => t.Added);

    public int Removed => PerEntity.Values.Sum(t => t.Removed);

    public bool IsDone => State == Done;

    /// <summary>
    /// Whether finishing the job brings its entities up to date: an automatic job reads the whole archive window; one
    /// run by hand over less of it (give or take the hour it started in) leaves the older articles unread, so the applied state stays as it was.
    /// </summary>
    public bool AppliesToArchive(TimeSpan retention) => Trigger == Automatic || From <= CreatedAt - retention + TimeSpan.FromHours(1);
}

/// <summary>What applying one block of a job found, recorded before its first write so a rerun reports the same.</summary>
public sealed record BlockProgress(int Articles, long TextLength, IReadOnlyDictionary<string, EntityTally> PerEntity, IReadOnlySet<string> Skipped, bool Done)
{
    /// <summary>The entities whose matches in the block's hour changed: their hour's volume is recounted.</summary>
    public IEnumerable<string> Touched => PerEntity.Where(e => e.Value.Added + e.Value.Removed > 0).Select(e => e.Key);
}

/// <summary>The definition an entity's matches in the index were last brought up to date with.</summary>
/// <param name="RemovedAt">When the entity was seen gone from the watchlist; null while it is on it.</param>
public sealed record AppliedEntity(string EntityId, string Fingerprint, string WatchlistVersion, string Job, DateTimeOffset AppliedAt, DateTimeOffset? RemovedAt);

/// <summary>A job not done yet, as its listing row names it: enough to say which entities are being filled in.</summary>
public sealed record RunningBackfill(string JobId, IReadOnlyList<string> EntityIds);
