using System.Reflection;
using Azure.Storage.Queues;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsMonitor.Cli.Commands;
using NewsMonitor.Cli.LocalHost;
using NewsMonitor.Hosting;
using NewsMonitor.Storage;

namespace NewsMonitor.IntegrationTests;

/// <summary><c>monitor run</c> reads host.json and the timer schedules as the Functions host does.</summary>
public sealed class LocalHostSettingsTests
{
    private static readonly string HostJson = Path.Combine(LocalEnvironment.RepositoryRoot, "host.json");

    public static TheoryData<string, IReadOnlyDictionary<string, string?>, QueuesOptions> Listeners => new()
    {
        {
            "host.json alone",
            new Dictionary<string, string?>(),
            new QueuesOptions { BatchSize = 16, NewBatchThreshold = 8, MaxDequeueCount = 5, VisibilityTimeout = TimeSpan.FromSeconds(30), MaxPollingInterval = TimeSpan.FromSeconds(2) }
        },
        {
            "app settings override host.json as in Azure",
            new Dictionary<string, string?> { ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:02", ["AzureFunctionsJobHost:extensions:queues:batchSize"] = "4" },
            new QueuesOptions { BatchSize = 4, NewBatchThreshold = 8, MaxDequeueCount = 5, VisibilityTimeout = TimeSpan.FromSeconds(2), MaxPollingInterval = TimeSpan.FromSeconds(2) }
        },
    };

    [Theory]
    [MemberData(nameof(Listeners))]
    public void TheQueueListenerIsConfiguredFromTheRootHostJsonAsTheFunctionsHostReadsIt(string because, IReadOnlyDictionary<string, string?> settings, QueuesOptions expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" })
            .AddInMemoryCollection(settings)
            .Build();
        using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        using var host = ListenerHost.Build(configuration, new StorageNames("t"), new QueueFunctions(new LocalStages(services, new RunSummary())), new CountingQueueProcessorFactory(new QueueCounters(), CancellationToken.None), services.GetRequiredService<ILoggerFactory>());

        var options = host.Services.GetRequiredService<IOptions<QueuesOptions>>().Value;

        Assert.True(
            (options.BatchSize, options.NewBatchThreshold, options.MaxDequeueCount, options.VisibilityTimeout, options.MaxPollingInterval, options.MessageEncoding)
                == (expected.BatchSize, expected.NewBatchThreshold, expected.MaxDequeueCount, expected.VisibilityTimeout, expected.MaxPollingInterval, QueueMessageEncoding.Base64),
            $"{because}: {options.BatchSize}/{options.NewBatchThreshold}/{options.MaxDequeueCount}/{options.VisibilityTimeout}/{options.MaxPollingInterval}/{options.MessageEncoding}");
    }

    /// <summary>The local host's functions are the shared stage descriptions, each on its description's queue.</summary>
    [Fact]
    public void EachLocalQueueFunctionIsAStageOnTheQueueItsDescriptionNames()
    {
        var functions = typeof(QueueFunctions).GetMethods()
            .Where(method => method.GetCustomAttribute<FunctionNameAttribute>() is not null)
            .Select(method => (method.GetCustomAttribute<FunctionNameAttribute>()!.Name, method.GetParameters()[0].GetCustomAttribute<QueueTriggerAttribute>()!.QueueName))
            .Order();

        Assert.Equal(PipelineStages.Queues.Select(stage => (stage.Name, $"%LocalHost:Queue:{stage.Queue}%")).Order(), functions);
    }

    [Fact]
    public void TheRootHostJsonShipsWithMonitor()
        => Assert.Equal(File.ReadAllText(HostJson), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));

    public static TheoryData<string, string, string> Schedules => new()
    {
        { "0 */5 * * * *", "2026-01-01T10:02:30Z", "2026-01-01T10:05:00Z" },
        { "0 0 * * * *", "2026-01-01T10:02:30Z", "2026-01-01T11:00:00Z" },
        { "*/15 * * * *", "2026-01-01T10:02:30Z", "2026-01-01T10:15:00Z" },
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public void SchedulesAreNcrontabWithOrWithoutSeconds(string expression, string now, string next)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PollSchedule"] = expression }).Build();

        var schedule = ScheduleTimer.Schedule(PipelineStages.ScheduleFeeds, configuration);

        Assert.Equal(DateTime.Parse(next, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), schedule.GetNextOccurrence(DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal)));
    }

    [Fact]
    public void ABadScheduleNamesTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DigestSchedule"] = "every hour" }).Build();

        var error = Assert.Throws<UsageException>(() => ScheduleTimer.Schedule(PipelineStages.SendDigests, configuration));

        Assert.Contains("DigestSchedule", error.Message, StringComparison.Ordinal);
    }
}
