using Microsoft.Azure.WebJobs;
using NewsMonitor.Hosting;
using NewsMonitor.Storage;

namespace NewsMonitor.Cli.LocalHost;

/// <summary>
/// The queue stages as WebJobs SDK functions, so the SDK's queue listener (the one the Functions host runs) receives,
/// renews, retries and poisons their messages. Each method only names its stage: the queue, message type and handler
/// come from <see cref="PipelineStages"/>. The trigger resolves <c>%LocalHost:Queue:…%</c> to the queue's name with
/// this deployment's storage prefix (<see cref="ListenerHost"/> sets it). Public because the SDK indexes only public methods.
/// </summary>
public sealed class QueueFunctions
{
    private readonly LocalStages stages;

    internal QueueFunctions(LocalStages stages) => this.stages = stages;

    [FunctionName(nameof(PipelineStages.PollFeed))]
    public Task PollFeed([QueueTrigger("%LocalHost:Queue:" + StorageNames.FeedsQueue + "%")] string message, CancellationToken cancellationToken)
        => stages.RunAsync(PipelineStages.PollFeed, message, cancellationToken);

    [FunctionName(nameof(PipelineStages.ExtractMentions))]
    public Task ExtractMentions([QueueTrigger("%LocalHost:Queue:" + StorageNames.ArticlesQueue + "%")] string message, CancellationToken cancellationToken)
        => stages.RunAsync(PipelineStages.ExtractMentions, message, cancellationToken);

    [FunctionName(nameof(PipelineStages.DeliverAlerts))]
    public Task DeliverAlerts([QueueTrigger("%LocalHost:Queue:" + StorageNames.AlertsQueue + "%")] string message, CancellationToken cancellationToken)
        => stages.RunAsync(PipelineStages.DeliverAlerts, message, cancellationToken);

    [FunctionName(nameof(PipelineStages.DeliverSpikes))]
    public Task DeliverSpikes([QueueTrigger("%LocalHost:Queue:" + StorageNames.SpikesQueue + "%")] string message, CancellationToken cancellationToken)
        => stages.RunAsync(PipelineStages.DeliverSpikes, message, cancellationToken);

    [FunctionName(nameof(PipelineStages.BackfillBlock))]
    public Task BackfillBlock([QueueTrigger("%LocalHost:Queue:" + StorageNames.BackfillQueue + "%")] string message, CancellationToken cancellationToken)
        => stages.RunAsync(PipelineStages.BackfillBlock, message, cancellationToken);
}
