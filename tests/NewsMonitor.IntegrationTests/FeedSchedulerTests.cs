using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Ingestion;

namespace NewsMonitor.IntegrationTests;

/// <summary>The <c>ScheduleFeeds</c> timer queues the feeds that are due, and each only once per poll interval.</summary>
[Collection(SharedAzurite.Name)]
public sealed class FeedSchedulerTests(LocalEnvironment environment)
{
    [Fact]
    public async Task ANeverPolledFeedIsDueAndNotDueAgainUntilItsIntervalPasses()
    {
        var deployment = environment.NewDeployment();
        var feeds = Enumerable.Range(0, 40).Select(i => $$"""{"id":"feed-{{i}}","url":"{{environment.FeedUrl}}?n={{i}}"}""");
        await File.WriteAllTextAsync(deployment.Settings["Monitor:FeedsPath"]!, $$"""{"feeds":[{{string.Join(',', feeds)}}]}""");
        await deployment.Storage.EnsureCreatedAsync();
        await using var services = deployment.BuildServices();
        var scheduler = services.GetRequiredService<FeedScheduler>();

        Assert.Equal(40, await scheduler.ScheduleAsync());
        Assert.Equal(0, await scheduler.ScheduleAsync());
        Assert.Equal(40, await scheduler.ScheduleAsync(all: true));
        Azure.Storage.Queues.Models.QueueProperties queued = await deployment.Storage.FeedsQueue.GetPropertiesAsync();
        Assert.Equal(80, queued.ApproximateMessagesCount);
    }
}
