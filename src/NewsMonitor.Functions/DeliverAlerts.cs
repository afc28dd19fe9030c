using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Delivery.Alerts;
using NewsMonitor.Storage;

namespace NewsMonitor.Functions;

public sealed class DeliverAlerts(AlertDeliverer deliverer)
{
    [Function(nameof(DeliverAlerts))]
    public Task Run([QueueTrigger(StorageNames.AlertsQueue)] AlertMessage message, CancellationToken cancellationToken)
        => deliverer.DeliverAsync(message, cancellationToken);
}
