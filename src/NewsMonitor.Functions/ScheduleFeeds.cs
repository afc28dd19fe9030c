using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Ingestion;

namespace NewsMonitor.Functions;

public sealed class ScheduleFeeds(FeedScheduler scheduler)
{
    [Function(nameof(ScheduleFeeds))]
    public Task Run([TimerTrigger(FunctionSettings.PollSchedule)] TimerInfo timer, CancellationToken cancellationToken)
        => scheduler.ScheduleAsync(all: false, cancellationToken);
}
