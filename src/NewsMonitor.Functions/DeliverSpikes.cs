using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Delivery.Spikes;
using NewsMonitor.Hosting;
using NewsMonitor.Storage;

namespace NewsMonitor.Functions;

public sealed class DeliverSpikes(IServiceProvider services)
{
    [Function(nameof(DeliverSpikes))]
    public Task Run([QueueTrigger(StorageNames.SpikesQueue)] SpikeMessage message, CancellationToken cancellationToken)
        => PipelineStages.DeliverSpikes.RunAsync(services, message, cancellationToken);
}
