using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsMonitor.Cli.LocalHost;
using NewsMonitor.Storage;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// The queue listener, started while its storage is unreachable, keeps polling and handles the message once storage
/// comes up, rather than ending the run.
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
        var connection = AzuriteProcess.ConnectionStringFor(ports.Blob, ports.Queue, ports.Table);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connection,

            // One attempt, so the message the listener received shows at once in the poison queue.
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "1",
        }).Build();
        var names = new StorageNames("outage");
        using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var counters = new QueueCounters();
        using var host = ListenerHost.Build(configuration, names, new QueueFunctions(new LocalStages(services, new RunSummary())), new CountingQueueProcessorFactory(counters, CancellationToken.None), services.GetRequiredService<ILoggerFactory>());

        // Installing Azurite (npm ci on a fresh checkout, behind other tests' installs) can outlast the SDK's retries; the
        // outage under test is storage down for a few seconds, so the install comes first.
        await AzuriteProcess.EnsureInstalledAsync(LocalEnvironment.RepositoryRoot, TextWriter.Null, CancellationToken.None);
        await host.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));

        await using var azurite = await AzuriteProcess.StartAsync(LocalEnvironment.RepositoryRoot, dataFolder: null, ports, TextWriter.Null, CancellationToken.None);
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var queue = new QueueClient(connection, names.Feeds, options);
        await queue.CreateAsync();
        await new QueueClient(connection, StorageNames.Poison(names.Feeds), options).CreateAsync();
        await queue.SendMessageAsync("not a feed message");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (counters.Poisoned == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        await host.StopAsync();
        Assert.Equal(1, counters.Poisoned);
    }
}
