using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Delivery.Digests;

namespace NewsMonitor.Functions;

public sealed class SendDigests(DigestRunner digests)
{
    [Function(nameof(SendDigests))]
    public Task Run([TimerTrigger(FunctionSettings.DigestSchedule)] TimerInfo timer, CancellationToken cancellationToken)
        => digests.RunAsync(cancellationToken);
}
