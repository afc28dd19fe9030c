namespace NewsMonitor.Backfill;

/// <summary>Which job applies which entities, at which definition, and how its history lines are signed.</summary>
/// <param name="Fingerprints">Each entity the job applies, with the fingerprint of the definition it applies.</param>
/// <param name="At">When the job was planned: the time its history lines carry, the same on every retry.</param>
public sealed record BackfillJobEntities(string JobId, string WatchlistVersion, IReadOnlyDictionary<string, string> Fingerprints, DateTimeOffset At)
{
    public bool Contains(string entityId) => Fingerprints.ContainsKey(entityId);
}
