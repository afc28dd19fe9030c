using Azure.Storage.Queues.Models;

namespace NewsMonitor.IntegrationTests;

/// <summary>Failing messages move to <c>&lt;queue&gt;-poison</c> after maxDequeueCount attempts, as the Functions host does.</summary>
[Collection(SharedAzurite.Name)]
[Trait("Category", "Reliability")]
public sealed class PoisonQueueTests(LocalEnvironment environment)
{
    [Fact]
    public async Task AMessageWhoseHandlerAlwaysThrowsLandsInPoisonAfterFiveAttemptsOfTheListener()
    {
        var deployment = environment.NewDeployment();
        await deployment.Storage.EnsureCreatedAsync();

        // The listener's own retry setting: a failed attempt is visible again at once rather than after host.json's 30 s.
        deployment.Settings["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00";
        await deployment.Storage.FeedsQueue.SendMessageAsync("not json");

        var run = await deployment.RunCliAsync("run", "--once");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("poison: 1 this run, 1 waiting in poison queues; failed attempts: 5", run.Output, StringComparison.Ordinal);
        Assert.Contains("articles processed: 10, matched: 6", run.Output, StringComparison.Ordinal);
        QueueMessage poisoned = Assert.Single((await deployment.Storage.PoisonQueue(deployment.Storage.FeedsQueue).ReceiveMessagesAsync(32)).Value);
        Assert.Equal("not json", poisoned.MessageText);
    }

    [Fact]
    public async Task AnInvalidArticleMessageIsPoisonedWhileTheRunCompletes()
    {
        var deployment = environment.NewDeployment();
        await deployment.Storage.EnsureCreatedAsync();
        const string Invalid = """{"articleId":"not-an-id","feedId":"demo","url":"http://127.0.0.1:9/x","canonicalUrl":"http://127.0.0.1:9/x","discoveredAt":"2025-03-01T00:00:00Z"}""";
        await deployment.Storage.ArticlesQueue.SendMessageAsync(Invalid);

        var run = await deployment.RunCliAsync("run", "--once");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("poison: 1 this run, 1 waiting in poison queues", run.Output, StringComparison.Ordinal);
        Assert.Contains("articles processed: 10, matched: 6", run.Output, StringComparison.Ordinal);
        QueueMessage[] poisoned = await deployment.Storage.PoisonQueue(deployment.Storage.ArticlesQueue).ReceiveMessagesAsync(32);
        Assert.Equal(Invalid, Assert.Single(poisoned).MessageText);
    }
}
