using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Ingestion;
using NewsMonitor.Storage;

namespace NewsMonitor.IntegrationTests;

/// <summary>Queue delivery is at-least-once: a second message for the same article changes nothing.</summary>
[Collection(SharedAzurite.Name)]
[Trait("Category", "Reliability")]
public sealed class RedeliveryTests(LocalEnvironment environment)
{
    [Fact]
    public async Task TwoMessagesForOneArticleStoreItOnceUnderTheTimeItWasFirstSeen()
    {
        var deployment = environment.NewDeployment();
        await using var services = deployment.BuildServices();
        await deployment.Storage.EnsureCreatedAsync();
        var url = new Uri(environment.SiteUrl, "articles/trump-putin-ally.html");
        var id = environment.ArticleIdOf("trump-putin-ally");
        var firstSeen = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        await new SeenArticleStore(deployment.Storage).ClaimForQueueAsync(id, "demo", url, firstSeen, pollId: "poll-1");
        var processor = services.GetRequiredService<ArticleProcessor>();

        // The first copy was sent by a poll that died before recording the article; the retried poll recorded firstSeen.
        var first = await processor.ProcessAsync(new ArticleMessage(id, "demo", url, url, null, null, null, firstSeen.AddMinutes(-1)));
        var second = await processor.ProcessAsync(new ArticleMessage(id, "demo", url, url, null, null, null, firstSeen));

        Assert.True(first.Matched);
        Assert.False(first.AlreadyProcessed);
        Assert.True(second.AlreadyProcessed);
        Assert.Equal([StoredArticle.BlobPathFor(id, firstSeen)], await deployment.MatchedBlobPathsAsync());
        var account = await new ArticleAccounting(deployment.Storage).ReadAsync();
        Assert.True(account.StoredOnce, account.ToString());
        Assert.Equal(1, account.Matched);
    }
}
