using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Archive;

namespace NewsMonitor.Functions;

/// <summary>Folds closed archive hours into their blocks; the storage lifecycle policy deletes them after the retention window.</summary>
public sealed class CompactArchive(ArchiveCompactor compactor)
{
    [Function(nameof(CompactArchive))]
    public Task Run([TimerTrigger(ArchiveCompactor.Schedule)] TimerInfo timer, CancellationToken cancellationToken)
        => compactor.CompactAsync(cancellationToken);
}
