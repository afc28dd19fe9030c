namespace NewsMonitor.Backfill;

/// <summary>
/// What a watchlist change asks of the archive: the entities to apply (new ones, and ones whose definition changed) with
/// their live fingerprints, and the entities that left the watchlist (hidden and purged elsewhere, never re-matched).
/// </summary>
public sealed record BackfillPlan(IReadOnlyDictionary<string, string> Apply, IReadOnlyList<string> Added, IReadOnlyList<string> Changed, IReadOnlyList<string> Removed)
{
    public bool IsEmpty => Apply.Count == 0 && Removed.Count == 0;

    /// <summary>Compares the live fingerprints with those the index was last brought up to date with.</summary>
    /// <param name="applied">Each entity's applied fingerprint; entities recorded as removed are left out by the caller.</param>
    public static BackfillPlan Between(IReadOnlyDictionary<string, string> live, IReadOnlyDictionary<string, string> applied)
    {
        var added = live.Keys.Where(id => !applied.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        var changed = live.Where(e => applied.TryGetValue(e.Key, out var old) && old != e.Value).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        var removed = applied.Keys.Where(id => !live.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        var apply = added.Concat(changed).ToDictionary(id => id, id => live[id], StringComparer.Ordinal);
        return new BackfillPlan(apply, added, changed, removed);
    }

    /// <summary>Every entity named in <paramref name="entityIds"/>, changed or not (a backfill run by hand).</summary>
    /// <exception cref="UnknownEntitiesException">An id is not on the live watchlist.</exception>
    public static BackfillPlan For(IReadOnlyDictionary<string, string> live, IReadOnlyCollection<string> entityIds)
    {
        var unknown = entityIds.Where(id => !live.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new UnknownEntitiesException(unknown, [.. live.Keys.Order(StringComparer.Ordinal)]);
        }

        var ids = entityIds.Count == 0 ? live.Keys : entityIds;
        var apply = ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToDictionary(id => id, id => live[id], StringComparer.Ordinal);
        return new BackfillPlan(apply, [], [.. apply.Keys], []);
    }
}
