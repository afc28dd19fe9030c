using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Ingestion;
using NewsMonitor.Storage;

namespace NewsMonitor.Functions;

public sealed class ExtractMentions(ArticleProcessor processor)
{
    [Function(nameof(ExtractMentions))]
    public Task Run([QueueTrigger(StorageNames.ArticlesQueue)] ArticleMessage message, CancellationToken cancellationToken)
        => processor.ProcessAsync(message, cancellationToken);
}
