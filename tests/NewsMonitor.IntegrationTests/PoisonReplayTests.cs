using NewsMonitor.Ingestion;
using NewsMonitor.Storage;

namespace NewsMonitor.IntegrationTests;

/// <summary><c>monitor poison list</c> and <c>replay</c>: what failed every attempt comes back, with its history, and is handled.</summary>
[Collection(SharedAzurite.Name)]
[Trait("Category", "Reliability")]
public sealed class PoisonReplayTests(LocalEnvironment environment)
{
    [Fact]
    public async Task APoisonedArticleIsListedReplayedWithItsHistoryAndThenStored()
    {
        var deployment = environment.NewDeployment();
        await deployment.Storage.EnsureCreatedAsync();
        var url = new Uri(environment.SiteUrl, "articles/trump-putin-ally.html");
        var id = environment.ArticleIdOf("trump-putin-ally");
        var message = new ArticleMessage(id, "demo", url, url, null, null, null, DateTimeOffset.UtcNow);
        var poison = deployment.Storage.PoisonQueue(deployment.Storage.ArticlesQueue);
        var sent = await poison.SendMessageAsync(System.Text.Json.JsonSerializer.Serialize(message, JsonDefaults.Options));

        var list = await deployment.RunCliAsync("poison", "list");
        var replay = await deployment.RunCliAsync("poison", "replay", "--queue", "articles", sent.Value.MessageId);

        Assert.Equal(0, list.ExitCode);
        Assert.Contains("articles-poison: 1 message(s)", list.Output, StringComparison.Ordinal);
        Assert.Contains($"{sent.Value.MessageId}  poisoned", list.Output, StringComparison.Ordinal);
        Assert.Contains($"articleId={id}", list.Output, StringComparison.Ordinal);
        Assert.Equal(0, replay.ExitCode);
        Assert.Contains("1 message(s) moved back", replay.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        var back = Assert.Single((await deployment.Storage.ArticlesQueue.PeekMessagesAsync()).Value);
        var history = Assert.Single(MessageHistory.Read(back.MessageText));
        Assert.Equal((MessageEvent.Replayed, poison.Name), (history.Event, history.Queue));

        var run = await deployment.RunCliAsync("run", "--once");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("0 waiting in poison queues", run.Output, StringComparison.Ordinal);
        Assert.Contains(await deployment.MatchedBlobPathsAsync(), path => path.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplayingAnUnknownIdSaysSoAndMovesNothing()
    {
        var deployment = environment.NewDeployment();
        await deployment.Storage.EnsureCreatedAsync();
        var poison = deployment.Storage.PoisonQueue(deployment.Storage.FeedsQueue);
        await poison.SendMessageAsync("""{"feedId":"demo","url":"http://127.0.0.1/feed"}""");

        var replay = await deployment.RunCliAsync("poison", "replay", "no-such-id");
        var usage = await deployment.RunCliAsync("poison", "replay");

        Assert.Equal(1, replay.ExitCode);
        Assert.Contains("no poison message with id no-such-id", replay.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Single((await poison.PeekMessagesAsync()).Value);
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("--all or the ids", usage.Error, StringComparison.Ordinal);
    }
}
