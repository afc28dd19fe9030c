namespace NewsMonitor.IntegrationTests;

/// <summary>Ctrl+C on <c>monitor run</c>: what the run held goes back to its queue at once, not after its lease.</summary>
[Collection(SharedAzurite.Name)]
[Trait("Category", "Reliability")]
public sealed class StopReleaseTests(LocalEnvironment environment)
{
    [Fact]
    public async Task StoppingReleasesHeldMessagesSoTheNextRunTakesThemAtOnce()
    {
        var news = new GeneratedNews(feeds: 1, itemsPerFeed: 4, pageDelay: TimeSpan.FromMinutes(5));
        await using var server = await LoopbackServer.StartAsync(news.Map);
        var deployment = environment.NewDeployment();
        await news.WriteFeedListAsync(deployment, server);
        deployment.Settings["PollSchedule"] = "*/1 * * * * *";
        using var stop = new CancellationTokenSource();

        var run = deployment.RunCliAsync(stop.Token, "run");
        await WaitForHeldArticlesAsync(deployment, news.Articles, run);
        await stop.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Stopped: {news.Articles} held message(s) released for the next run.", result.Error, StringComparison.Ordinal);
        var visible = await deployment.Storage.ArticlesQueue.ReceiveMessagesAsync(32);
        Assert.Equal(news.Articles, visible.Value.Length);
    }

    /// <summary>Every article is queued and none is visible: the run holds them all, waiting for their pages.</summary>
    private static async Task WaitForHeldArticlesAsync(TestDeployment deployment, int articles, Task run)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(run.IsCompleted, "the run ended before it held its articles");
            Assert.True(DateTime.UtcNow < deadline, "the run did not take every article within 60 s");
            if (await deployment.Storage.ArticlesQueue.ExistsAsync())
            {
                var queued = (await deployment.Storage.ArticlesQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
                var peeked = (await deployment.Storage.ArticlesQueue.PeekMessagesAsync(32)).Value.Length;
                if (queued == articles && peeked == 0)
                {
                    return;
                }
            }

            await Task.Delay(200);
        }
    }
}
