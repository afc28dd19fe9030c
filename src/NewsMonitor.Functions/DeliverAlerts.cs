using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Delivery.Alerts;
using NewsMonitor.Hosting;
using NewsMonitor.Storage;

namespace NewsMonitor.Functions;

public sealed class DeliverAlerts(IServiceProvider services)
{
    [Function(nameof(DeliverAlerts))]
    public Task Run([QueueTrigger(StorageNames.AlertsQueue)] AlertMessage message, CancellationToken cancellationToken)
        => PipelineStages.DeliverAlerts.RunAsync(services, message, cancellationToken);
}
