using NewsMonitor.Storage;

namespace NewsMonitor.IntegrationTests;

/// <summary>Two runs on the same storage at once share the work instead of doing it twice.</summary>
[Collection(SharedAzurite.Name)]
[Trait("Category", "Reliability")]
public sealed class OverlappingRunsTests(LocalEnvironment environment)
{
    [Fact]
    public async Task TwoRunsAtOnceFetchEachPageOnceAndStoreEachArticleOnce()
    {
        var news = new GeneratedNews(feeds: 2, itemsPerFeed: 15, pageDelay: TimeSpan.FromMilliseconds(100));
        await using var server = await LoopbackServer.StartAsync(news.Map);
        var deployment = environment.NewDeployment();
        await news.WriteFeedListAsync(deployment, server);

        var runs = await Task.WhenAll(deployment.RunCliAsync("run", "--once"), deployment.RunCliAsync("run", "--once"));

        Assert.All(runs, run => Assert.Equal(0, run.ExitCode));
        await news.AssertEachArticleStoredOnceAsync(deployment);
        var pages = server.Requests.Count(path => path.Count(c => c == '/') == 3);
        Assert.Equal(news.Articles, pages);
    }

    [Fact]
    public async Task ASingletonLockHasOneHolderAtATime()
    {
        var deployment = environment.NewDeployment();
        var locks = new SingletonLock(deployment.Storage);

        await using (var first = await locks.TryAcquireAsync("ScheduleFeeds"))
        {
            await using var other = await locks.TryAcquireAsync("SendDigests");

            Assert.NotNull(first);
            Assert.Null(await locks.TryAcquireAsync("ScheduleFeeds"));
            Assert.NotNull(other);
        }

        await using var again = await locks.TryAcquireAsync("ScheduleFeeds");
        Assert.NotNull(again);
    }
}
