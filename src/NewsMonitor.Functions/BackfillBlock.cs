using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Backfill;
using NewsMonitor.Storage;

namespace NewsMonitor.Functions;

/// <summary>Applies a backfill job's entities to one archive block; many instances take the blocks of one job at once.</summary>
public sealed class BackfillBlock(BlockBackfiller backfiller)
{
    [Function(nameof(BackfillBlock))]
    public Task Run([QueueTrigger(StorageNames.BackfillQueue)] BackfillMessage message, CancellationToken cancellationToken)
        => backfiller.ApplyAsync(message, cancellationToken);
}
