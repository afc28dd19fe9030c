using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using NewsMonitor.Cli.LocalHost;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// A queue listener whose storage is unreachable for longer than the SDK retries pauses and goes on when storage comes
/// back, rather than ending the run. The client here does not retry at all, so "longer than the retries" is immediate.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class QueueOutageTests
{
    [Fact]
    public async Task AListenerStartedBeforeStorageIsUpHandlesTheMessageOnceStorageArrives()
    {
        // Below Linux's ephemeral range, so no server started on port 0 holds them.
        var first = Random.Shared.Next(30_000, 32_000);
        var ports = (Blob: first, Queue: first + 1, Table: first + 2);
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64, Retry = { MaxRetries = 0 } };
        var connection = AzuriteProcess.ConnectionStringFor(ports.Blob, ports.Queue, ports.Table);
        var queue = new QueueClient(connection, "outage", options);
        var handled = new List<string>();
        var worker = new QueueWorker(queue, new QueueClient(connection, "outage-poison", options), QueueSettings.Defaults, (text, _) =>
        {
            lock (handled)
            {
                handled.Add(text);
            }

            return Task.CompletedTask;
        }, NullLogger.Instance);

        var pump = worker.PumpAsync(async ct => handled.Count > 0 && await worker.IsEmptyAsync(ct), TimeSpan.FromMilliseconds(200), CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(pump.IsCompleted, "the listener stopped while storage was unreachable");

        await using var azurite = await AzuriteProcess.StartAsync(LocalEnvironment.RepositoryRoot, dataFolder: null, ports, TextWriter.Null, CancellationToken.None);
        await queue.CreateAsync();
        await queue.SendMessageAsync("hello");
        await pump.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(["hello"], handled);
    }
}
