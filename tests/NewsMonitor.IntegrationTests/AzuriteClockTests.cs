using Azure.Storage.Queues;
using NewsMonitor.Cli.LocalHost;

namespace NewsMonitor.IntegrationTests;

/// <summary>The clock the crash and outage tests move, checked on the lease they move it past.</summary>
[Trait("Category", "Reliability")]
public sealed class AzuriteClockTests
{
    [Fact]
    public async Task AMessageReceivedWithATenMinuteLeaseComesBackOnlyOnceTheClockPassesIt()
    {
        using var clock = new AzuriteClock();
        await using var azurite = await AzuriteProcess.StartAsync(LocalEnvironment.RepositoryRoot, dataFolder: null, ports: null, TextWriter.Null, CancellationToken.None, clock.Environment);
        var queue = new QueueClient(azurite.ConnectionString, "leases");
        await queue.CreateAsync();
        await queue.SendMessageAsync("held");

        var first = await queue.ReceiveMessageAsync(TimeSpan.FromMinutes(10));
        Assert.Equal("held", first.Value.MessageText);

        await clock.AdvanceAsync(TimeSpan.FromMinutes(9));
        Assert.Null((await queue.ReceiveMessageAsync()).Value);

        await clock.AdvanceAsync(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(5));
        var again = await queue.ReceiveMessageAsync();
        Assert.Equal("held", again.Value?.MessageText);
        Assert.Equal(2, again.Value!.DequeueCount);
    }
}
