using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Hosting;

namespace NewsMonitor.Functions;

public sealed class SendDigests(IServiceProvider services)
{
    [Function(nameof(SendDigests))]
    public Task Run([TimerTrigger(FunctionSettings.DigestSchedule)] TimerInfo timer, CancellationToken cancellationToken)
        => PipelineStages.SendDigests.RunAsync(services, cancellationToken);
}
