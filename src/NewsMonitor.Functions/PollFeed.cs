using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Hosting;
using NewsMonitor.Ingestion;
using NewsMonitor.Storage;

namespace NewsMonitor.Functions;

public sealed class PollFeed(IServiceProvider services)
{
    [Function(nameof(PollFeed))]
    public Task Run([QueueTrigger(StorageNames.FeedsQueue)] FeedMessage message, CancellationToken cancellationToken)
        => PipelineStages.PollFeed.RunAsync(services, message, cancellationToken);
}
