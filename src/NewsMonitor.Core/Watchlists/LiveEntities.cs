using NewsMonitor.Storage;

namespace NewsMonitor.Watchlists;

/// <summary>
/// The one rule for an entity taken off the watchlist: its rows stay in storage until <c>monitor purge</c> deletes them,
/// but listings, entity views, digests and alerts read every index row through <see cref="Show"/>, so the entity
/// disappears from all of them the moment the live watchlist drops it, and comes back if it is put back.
/// </summary>
public sealed class LiveEntities
{
    private readonly HashSet<string> ids;

    public LiveEntities(Watchlist watchlist) => ids = watchlist.EntityIds.ToHashSet(StringComparer.Ordinal);

    public bool Contains(string entityId) => ids.Contains(entityId);

    /// <summary>
    /// Whether a row just read is shown, having dropped removed entities from its entity lists (see
    /// <see cref="MatchIndexRow.KeepEntities"/>): false for a removed entity's own rows and for day rows of articles that
    /// matched only removed entities.
    /// </summary>
    public bool Show(MatchIndexRow row) => row.KeepEntities(Contains);
}
