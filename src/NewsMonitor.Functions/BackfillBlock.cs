using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Backfill;
using NewsMonitor.Hosting;
using NewsMonitor.Storage;

namespace NewsMonitor.Functions;

/// <summary>Applies a backfill job's entities to one archive block; many instances take the blocks of one job at once.</summary>
public sealed class BackfillBlock(IServiceProvider services)
{
    [Function(nameof(BackfillBlock))]
    public Task Run([QueueTrigger(StorageNames.BackfillQueue)] BackfillMessage message, CancellationToken cancellationToken)
        => PipelineStages.BackfillBlock.RunAsync(services, message, cancellationToken);
}
