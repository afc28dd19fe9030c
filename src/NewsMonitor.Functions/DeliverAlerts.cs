using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Hosting;
using NewsMonitor.Pipeline;
using NewsMonitor.Storage;

namespace NewsMonitor.Functions;

public sealed class DeliverAlerts(IServiceProvider services)
{
    [Function(nameof(DeliverAlerts))]
    public Task Run([QueueTrigger(StorageNames.AlertsQueue)] AlertMessage message, CancellationToken cancellationToken)
        => PipelineStages.DeliverAlerts.RunAsync(services, message, cancellationToken);
}
