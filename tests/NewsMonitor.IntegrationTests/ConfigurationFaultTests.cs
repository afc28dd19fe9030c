using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Ingestion;
using NewsMonitor.Queues;
using NewsMonitor.Storage;

namespace NewsMonitor.IntegrationTests;

/// <summary>A configuration file that does not validate never costs an article: the last good one stays, or work waits.</summary>
[Collection(SharedAzurite.Name)]
[Trait("Category", "Reliability")]
public sealed class ConfigurationFaultTests(LocalEnvironment environment)
{
    private const string BrokenWatchlist = """{"figures":[{"id":"vladimir-putin","name":"Vladimir Putin",}""";

    [Fact]
    public async Task ARunWithABrokenWatchlistIsRefusedBeforeAnyFeedIsPolled()
    {
        var deployment = environment.NewDeployment();
        deployment.Settings["Monitor:WatchlistPath"] = await WriteAsync(deployment, "watchlist.json", BrokenWatchlist);

        var result = await deployment.RunCliAsync("run", "--once");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("monitor run: not started, the configuration does not validate:", result.Error, StringComparison.Ordinal);
        Assert.Contains("watchlist.json", result.Error, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", result.Error, StringComparison.Ordinal);
        Assert.False(await AnyFeedScheduledAsync(deployment), "a feed was scheduled");
    }

    [Fact]
    public async Task ARunWhoseSubscriptionNamesAnUntrackedEntitySaysSoAndRuns()
    {
        var deployment = environment.NewDeployment();
        deployment.Settings["Monitor:SubscriptionsPath"] = await WriteAsync(deployment, "subscriptions.json", """{"subscriptions":[{"id":"desk","name":"Desk","entities":["vladmir-putin"]}]}""");

        var result = await deployment.RunCliAsync("run", "--once");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("monitor run: warning: subscriptions[0] (desk).entities: \"vladmir-putin\" is not an entity on the watchlist — did you mean \"vladimir-putin\"?", result.Error, StringComparison.Ordinal);
        Assert.Contains("articles processed: 10", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFeedsViewListsTheFeedsAndTheRejectedFile()
    {
        var deployment = environment.NewDeployment();
        deployment.Settings["Monitor:WatchlistPath"] = await WriteAsync(deployment, "watchlist.json", """{"figures":[{"id":"a","name":"Alpha","alias":["A."]}]}""");

        var feeds = await deployment.RunCliAsync("feeds");

        Assert.Equal(1, feeds.ExitCode);
        Assert.Contains("demo", feeds.Output, StringComparison.Ordinal);
        Assert.Contains("never polled", feeds.Output, StringComparison.Ordinal);
        Assert.Contains("figures[0] (a).alias: unknown key — did you mean \"aliases\"?", feeds.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWatchlistBrokenDuringARunLeavesTheRunOnTheLastGoodOne()
    {
        var news = new GeneratedNews(feeds: 1, itemsPerFeed: 12, pageDelay: TimeSpan.FromMilliseconds(300));
        await using var server = await LoopbackServer.StartAsync(news.Map);
        var deployment = environment.NewDeployment();
        await news.WriteFeedListAsync(deployment, server);
        var watchlist = await WriteAsync(deployment, "watchlist.json", await File.ReadAllTextAsync(deployment.Settings["Monitor:WatchlistPath"]!));
        deployment.Settings["Monitor:WatchlistPath"] = watchlist;
        var accounting = new ArticleAccounting(deployment.Storage);

        var run = deployment.RunCliAsync("run", "--once");
        while ((await TryReadAsync(accounting))?.Matched is not > 0)
        {
            Assert.False(run.IsCompleted, "the run ended before the watchlist could be broken");
            await Task.Delay(50);
        }

        await File.WriteAllTextAsync(watchlist, BrokenWatchlist);
        File.SetLastWriteTimeUtc(watchlist, DateTime.UtcNow.AddSeconds(5));
        var result = await run;

        Assert.Equal(0, result.ExitCode);
        await news.AssertEachArticleStoredOnceAsync(deployment);
        Assert.Contains("poison: 0 this run, 0 waiting in poison queues; failed attempts: 0", result.Output, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Output, "configuration rejected: .*watchlist.json: 1 problem"));
    }

    [Fact]
    public async Task AnArticleWaitsWhileTheWatchlistHasNeverValidatedAndIsMatchedOnceItIsFixed()
    {
        var deployment = environment.NewDeployment();
        var watchlist = await WriteAsync(deployment, "watchlist.json", BrokenWatchlist);
        deployment.Settings["Monitor:WatchlistPath"] = watchlist;
        await deployment.Storage.EnsureCreatedAsync();
        var url = new Uri(environment.SiteUrl, "articles/trump-putin-ally.html");
        var id = environment.ArticleIdOf("trump-putin-ally");
        var message = new ArticleMessage(id, "demo", url, url, null, null, null, DateTimeOffset.UtcNow);

        await using (var services = deployment.BuildServices())
        {
            var outcome = await services.GetRequiredService<ArticleProcessor>().ProcessAsync(message);

            Assert.Equal(MessageDeferral.Configuration, outcome.DeferredFor);
        }

        Assert.Empty((await deployment.Storage.ArticlesQueue.PeekMessagesAsync()).Value);
        Assert.Equal(1, (await deployment.Storage.ArticlesQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        await File.WriteAllTextAsync(watchlist, await File.ReadAllTextAsync(Path.Combine(LocalEnvironment.RepositoryRoot, "seeds", "watchlist.json")));
        var deferred = await ReceiveWhenVisibleAsync(deployment.Storage.ArticlesQueue, TimeSpan.FromSeconds(20));
        var history = MessageHistory.Read(deferred.MessageText);
        Assert.StartsWith("configuration: ", Assert.Single(history, e => e.Event == MessageEvent.Deferred).Reason, StringComparison.Ordinal);
        Assert.Equal(1, deferred.DequeueCount);

        await using (var services = deployment.BuildServices())
        {
            var again = System.Text.Json.JsonSerializer.Deserialize<ArticleMessage>(deferred.MessageText, JsonDefaults.Options)!;
            var outcome = await services.GetRequiredService<ArticleProcessor>().ProcessAsync(again);

            Assert.True(outcome.Matched);
        }
    }

    private static async Task<Azure.Storage.Queues.Models.QueueMessage> ReceiveWhenVisibleAsync(Azure.Storage.Queues.QueueClient queue, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var received = (await queue.ReceiveMessagesAsync(1)).Value;
            if (received.Length > 0)
            {
                return received[0];
            }

            Assert.True(DateTime.UtcNow < deadline, $"the deferred message did not come back within {timeout}");
            await Task.Delay(250);
        }
    }

    /// <summary>Whether any feed has a FeedState row: scheduling writes one for every feed it queues.</summary>
    private static async Task<bool> AnyFeedScheduledAsync(TestDeployment deployment)
    {
        try
        {
            await foreach (var _ in deployment.Storage.FeedState.QueryAsync<Azure.Data.Tables.TableEntity>())
            {
                return true;
            }

            return false;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    private static async Task<ArticleAccount?> TryReadAsync(ArticleAccounting accounting)
    {
        try
        {
            return await accounting.ReadAsync();
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static async Task<string> WriteAsync(TestDeployment deployment, string name, string content)
    {
        var path = Path.Combine(deployment.Folder, name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }
}
