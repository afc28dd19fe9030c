using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Ingestion;
using NewsMonitor.Storage;

namespace NewsMonitor.Functions;

public sealed class PollFeed(FeedPoller poller)
{
    [Function(nameof(PollFeed))]
    public Task Run([QueueTrigger(StorageNames.FeedsQueue)] FeedMessage message, CancellationToken cancellationToken)
        => poller.PollAsync(message, cancellationToken);
}
