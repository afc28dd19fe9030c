using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Delivery.Spikes;
using NewsMonitor.Storage;

namespace NewsMonitor.Functions;

public sealed class DeliverSpikes(SpikeDeliverer deliverer)
{
    [Function(nameof(DeliverSpikes))]
    public Task Run([QueueTrigger(StorageNames.SpikesQueue)] SpikeMessage message, CancellationToken cancellationToken)
        => deliverer.DeliverAsync(message, cancellationToken);
}
