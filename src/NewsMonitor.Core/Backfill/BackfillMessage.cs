namespace NewsMonitor.Backfill;

/// <summary>The <c>backfill</c> queue's message: apply job <paramref name="JobId"/>'s entities to one archive block.</summary>
/// <param name="Block">The block's name, <c>yyyy/MM/dd/HH/sN</c> (<see cref="Archive.ArchiveBlock.Name"/>).</param>
/// <param name="Entities">The entity ids the job applies; their definitions' fingerprints are in the job's header.</param>
public sealed record BackfillMessage(string JobId, string Block, IReadOnlyList<string> Entities);
