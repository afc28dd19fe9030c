using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Hosting;
using NewsMonitor.Ingestion;

namespace NewsMonitor.Functions;

public sealed class ScheduleFeeds(IServiceProvider services)
{
    [Function(nameof(ScheduleFeeds))]
    public Task Run([TimerTrigger(FunctionSettings.PollSchedule)] TimerInfo timer, CancellationToken cancellationToken)
        => PipelineStages.ScheduleFeeds.RunAsync(services, cancellationToken);
}
