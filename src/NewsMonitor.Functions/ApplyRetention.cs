using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Hosting;
using NewsMonitor.Lifecycle;

namespace NewsMonitor.Functions;

/// <summary>Deletes table rows past their retention windows; the storage lifecycle rules delete the blobs.</summary>
public sealed class ApplyRetention(IServiceProvider services)
{
    [Function(nameof(ApplyRetention))]
    public Task Run([TimerTrigger(DataRetention.Schedule)] TimerInfo timer, CancellationToken cancellationToken)
        => PipelineStages.ApplyRetention.RunAsync(services, cancellationToken);
}
