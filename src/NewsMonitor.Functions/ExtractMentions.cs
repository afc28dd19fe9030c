using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Hosting;
using NewsMonitor.Ingestion;
using NewsMonitor.Storage;

namespace NewsMonitor.Functions;

public sealed class ExtractMentions(IServiceProvider services)
{
    [Function(nameof(ExtractMentions))]
    public Task Run([QueueTrigger(StorageNames.ArticlesQueue)] ArticleMessage message, CancellationToken cancellationToken)
        => PipelineStages.ExtractMentions.RunAsync(services, message, cancellationToken);
}
