using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Reviews;

namespace NewsMonitor.IntegrationTests;

/// <summary>Dismissed matches stay out of digests and of immediate alerts that have not gone out yet.</summary>
[Collection(SharedAzurite.Name)]
public sealed class DismissedDeliveryTests(LocalEnvironment environment)
{
    [Fact]
    public async Task ADigestLeavesOutDismissedMatchesAndAReviewDoesNotSendAnArticleAgain()
    {
        var deployment = environment.NewDeployment();
        await deployment.RunCliAsync("run", "--once");
        UseSubscriptions(deployment, null, """{"id":"desk","name":"Desk","entities":["vladimir-putin","donald-trump"]}""");
        var dismissed = environment.ArticleIdOf("trump-putin-ally");
        var kept = environment.ArticleIdOf("melania-trump-online-safety");
        await using var services = deployment.BuildServices();
        var reviews = services.GetRequiredService<ReviewService>();
        var runner = services.GetRequiredService<DigestRunner>();
        var subscription = Assert.Single(await services.GetRequiredService<NewsMonitor.Configuration.MonitorConfiguration>().GetSubscriptionsAsync());
        var before = await runner.PreviewAsync(subscription, DateTimeOffset.UtcNow.AddDays(-1));
        await reviews.ApplyAsync(dismissed, new ReviewChange { State = ReviewStates.Dismissed }, "ana");

        var sent = Assert.Single(await runner.SendNowAsync(subscription));
        await reviews.ApplyAsync(kept, new ReviewChange { State = ReviewStates.Relevant, Starred = true }, "ana");
        var afterReview = await runner.SendNowAsync(subscription);

        Assert.Equal(new[] { dismissed, kept }.Order(StringComparer.Ordinal), ArticleIds(before));
        Assert.Equal(1, sent.Items);
        var html = await ReadDigestAsync(deployment, sent.BlobPath!);
        Assert.Contains("melania-trump-online-safety", html, StringComparison.Ordinal);
        Assert.DoesNotContain("trump-putin-ally", html, StringComparison.Ordinal);
        Assert.Empty(afterReview);
    }

    [Fact]
    public async Task AnAlertDismissedBeforeItWentOutIsNotSentAndOneMarkedRelevantIs()
    {
        await using var smtp = TestSmtpServer.Start();
        var deployment = environment.NewDeployment();
        await deployment.RunCliAsync("run", "--once");
        UseSubscriptions(deployment, smtp, """{"id":"urgent","name":"Urgent","frequency":"immediate","entities":["trump-putin-contact"],"email":["duty@example.org"]}""");
        var seedId = environment.ArticleIdOf("trump-putin-ally");
        var alert = $$"""{"articleId":"{{seedId}}","alertIds":["trump-putin-contact"],"matchedAt":"2026-01-01T00:00:00Z"}""";
        await using (var services = deployment.BuildServices())
        {
            await services.GetRequiredService<ReviewService>().ApplyAsync(seedId, new ReviewChange { State = ReviewStates.Dismissed }, "ana");
        }

        await deployment.Storage.AlertsQueue.SendMessageAsync(alert);
        var whileDismissed = await deployment.RunCliAsync("run", "--once");
        await using (var services = deployment.BuildServices())
        {
            await services.GetRequiredService<ReviewService>().ApplyAsync(seedId, new ReviewChange { State = ReviewStates.Relevant }, "ana");
        }

        await deployment.Storage.AlertsQueue.SendMessageAsync(alert);
        var whenRelevant = await deployment.RunCliAsync("run", "--once");

        Assert.Contains("immediate alerts: nothing was due", whileDismissed.Output, StringComparison.Ordinal);
        Assert.Contains("immediate alerts: sent: 1 email to 1 recipient; 0 failed", whenRelevant.Output, StringComparison.Ordinal);
        Assert.Single(smtp.Messages);
    }

    private static List<string> ArticleIds(NewsMonitor.Delivery.Digests.Digest digest)
        => digest.Sections.SelectMany(s => s.Items).Select(i => i.ArticleId).Distinct().Order(StringComparer.Ordinal).ToList();

    private static async Task<string> ReadDigestAsync(TestDeployment deployment, string path)
        => (await deployment.Storage.Digests.GetBlobClient(path).DownloadContentAsync()).Value.Content.ToString();

    private static void UseSubscriptions(TestDeployment deployment, TestSmtpServer? smtp, string subscription)
    {
        var path = Path.Combine(deployment.Folder, "subscriptions.json");
        File.WriteAllText(path, $$"""{"subscriptions":[{{subscription}}]}""");
        deployment.Settings["Monitor:SubscriptionsPath"] = path;
        if (smtp is not null)
        {
            deployment.Settings["Monitor:Smtp:Host"] = "127.0.0.1";
            deployment.Settings["Monitor:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            deployment.Settings["Monitor:Smtp:Security"] = "None";
        }
    }
}
