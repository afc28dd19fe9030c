using System.Collections.Concurrent;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging.Abstractions;
using NewsMonitor.Cli.LocalHost;

namespace NewsMonitor.IntegrationTests;

/// <summary>Failing messages move to <c>&lt;queue&gt;-poison</c> after maxDequeueCount attempts, as the Functions host does.</summary>
[Collection(SharedAzurite.Name)]
[Trait("Category", "Reliability")]
public sealed class PoisonQueueTests(LocalEnvironment environment)
{
    [Fact]
    public async Task AMessageWhoseHandlerAlwaysThrowsLandsInPoisonAfterFiveAttempts()
    {
        var deployment = environment.NewDeployment();
        await deployment.Storage.EnsureCreatedAsync();
        var queue = deployment.Storage.ArticlesQueue;
        foreach (var text in new[] { "good-1", "bad", "good-2", "good-3" })
        {
            await queue.SendMessageAsync(text);
        }

        var attempts = new ConcurrentDictionary<string, int>();
        var settings = QueueSettings.Defaults with { MaxDequeueCount = 5, VisibilityTimeout = TimeSpan.Zero };
        var worker = new QueueWorker(queue, deployment.Storage.PoisonQueue(queue), settings, (text, _) =>
        {
            attempts.AddOrUpdate(text, 1, (_, n) => n + 1);
            return text == "bad" ? throw new InvalidOperationException("always fails") : Task.CompletedTask;
        }, NullLogger.Instance);

        await worker.PumpAsync(worker.IsEmptyAsync, TimeSpan.FromMilliseconds(100), CancellationToken.None);

        QueueMessage[] poisoned = await deployment.Storage.PoisonQueue(queue).ReceiveMessagesAsync(32);
        Assert.Equal("bad", Assert.Single(poisoned).MessageText);
        Assert.Equal(5, attempts["bad"]);
        Assert.All(new[] { "good-1", "good-2", "good-3" }, good => Assert.Equal(1, attempts[good]));
        Assert.Equal(3, worker.Counters.Succeeded);
        Assert.Equal(1, worker.Counters.Poisoned);
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
