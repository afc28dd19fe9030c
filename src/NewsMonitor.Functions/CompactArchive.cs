using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Archive;
using NewsMonitor.Hosting;

namespace NewsMonitor.Functions;

/// <summary>Folds closed archive hours into their blocks; the storage lifecycle policy deletes them after the retention window.</summary>
public sealed class CompactArchive(IServiceProvider services)
{
    [Function(nameof(CompactArchive))]
    public Task Run([TimerTrigger(ArchiveCompactor.Schedule)] TimerInfo timer, CancellationToken cancellationToken)
        => PipelineStages.CompactArchive.RunAsync(services, cancellationToken);
}
