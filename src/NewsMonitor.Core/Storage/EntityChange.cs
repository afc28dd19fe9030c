namespace NewsMonitor.Storage;

/// <summary>
/// One line of a stored article's history: a backfill <see cref="Action"/> (added, removed or updated) the entity's
/// match under the definition with fingerprint <see cref="Fingerprint"/>, from watchlist <see cref="WatchlistVersion"/>.
/// (entity, fingerprint, action) is the key: applying the same definition again, by a retried block or another job,
/// adds no second line.
/// </summary>
public sealed record EntityChange(string EntityId, string Fingerprint, string Action, string WatchlistVersion, string Job, DateTimeOffset At)
{
    public const string Added = "added";
    public const string Removed = "removed";
    public const string Updated = "updated";

    public bool SameKey(EntityChange other) => EntityId == other.EntityId && Fingerprint == other.Fingerprint && Action == other.Action;
}
