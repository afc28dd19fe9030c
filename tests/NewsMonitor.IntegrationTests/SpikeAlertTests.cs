using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Articles;
using NewsMonitor.Delivery.Spikes;
using NewsMonitor.Feeds;
using NewsMonitor.Ingestion;
using NewsMonitor.Matching;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.IntegrationTests;

/// <summary>Spike alerts end to end: a surge of real matches, the Spikes table, the spikes queue, delivery to a real SMTP server and a loopback webhook.</summary>
[Collection(SharedAzurite.Name)]
public sealed partial class SpikeAlertTests(LocalEnvironment environment)
{
    private const string Putin = "vladimir-putin";

    [Fact]
    public async Task ASurgeOfMatchesFiresOneEpisodeDeliveredOnceAndListedInTheNextDigest()
    {
        await using var smtp = TestSmtpServer.Start();
        var hooks = new ConcurrentQueue<string>();
        await using var receiver = await LoopbackServer.StartAsync(app => app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            hooks.Enqueue(await reader.ReadToEndAsync());
            return Results.Ok();
        }));
        await using var feed = await LoopbackServer.StartAsync(app => app.MapGet("/feed", () => LoopbackServer.Rss(Stories(25))));
        var deployment = Deployment(feed, smtp, $$"""{"id":"desk","name":"Russia desk","frequency":"daily@07:00","entities":["{{Putin}}"],"spikes":"medium","email":["duty@example.org"],"webhooks":[{"url":"{{receiver.Url("/hook")}}","signed":false}]}""");

        await deployment.Storage.EnsureCreatedAsync();
        await WatchedForTwoDaysAsync(deployment, DateTimeOffset.UtcNow);
        var first = await deployment.RunCliAsync("run", "--once");
        var episode = Assert.Single(await EpisodesAsync(deployment));
        await deployment.Storage.SpikesQueue.SendMessageAsync(JsonSerializer.Serialize(new SpikeMessage(Putin, episode.Setting, episode.Start), JsonDefaults.Options));
        foreach (var story in new[] { 0, 24 })
        {
            var url = new Uri($"https://example.org/surge/{story}");
            var article = new ArticleMessage(ArticleId.FromCanonicalUrl(CanonicalUrl.Normalize(url)), "wire", url, url, $"Putin surge story {story}", "Vladimir Putin spoke.", null, DateTimeOffset.UtcNow);
            await deployment.Storage.ArticlesQueue.SendMessageAsync(JsonSerializer.Serialize(article, JsonDefaults.Options));
        }

        var redelivered = await deployment.RunCliAsync("run", "--once");
        var listed = await deployment.RunCliAsync("subscriptions");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("medium, min 10", listed.Output.Split('\n').First(l => l.StartsWith("desk", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("spike alerts: sent: 1 email", first.Output, StringComparison.Ordinal);
        Assert.Contains("repeated deliveries ignored: 2", redelivered.Output, StringComparison.Ordinal);
        Assert.Contains("spike alerts: sent: nothing; 0 failed; 2 already delivered", redelivered.Output, StringComparison.Ordinal);
        Assert.Equal(("medium-10", SpikeEpisode.Delivered), (episode.Setting, (await EpisodesAsync(deployment)).Single().State));
        var alert = Assert.Single(smtp.Messages, m => m.Subject?.Contains("spike:", StringComparison.Ordinal) == true);
        Assert.Matches(SpikeTitle(), alert.Subject);
        Assert.Contains("Putin surge story", alert.TextBody, StringComparison.Ordinal);
        var digest = Assert.Single(smtp.Messages, m => m.Subject?.Contains("spike:", StringComparison.Ordinal) != true);
        Assert.Matches(new Regex(@"Spikes:\n  Vladimir Putin: \d+ articles in 3 h, \d+(\.\d)?× usual, from "), digest.TextBody);
        Assert.Single(hooks, body => SpikeTitle().IsMatch(JsonDocument.Parse(body).RootElement.GetProperty("name").GetString()!));
        Assert.Equal(2, hooks.Count);
    }

    [Fact]
    public async Task AStoryThatKeepsSurgingWithinTheCoolDownIsOneEpisodeAndALaterSurgeIsAnother()
    {
        var deployment = Deployment(null, null, $$"""{"id":"desk","entities":["{{Putin}}"],"spikes":"medium"}""");
        var day = HourlyVolumeStore.HourOf(DateTimeOffset.UtcNow).AddDays(-1);
        var clock = new FakeTimeProvider(day);
        await using var services = deployment.BuildServices(clock);
        await deployment.Storage.EnsureCreatedAsync();

        // Twelve matches in the first ten minutes of hours 0, 4 and 11: each wave fires on its own (the two days before were silent).
        await WatchedForTwoDaysAsync(deployment, day);
        var opened = new List<int>();
        foreach (var hoursLater in new[] { 0, 4, 11 })
        {
            clock.SetUtcNow(day.AddHours(hoursLater).AddMinutes(10));
            opened.Add(await SurgeAsync(services, clock.GetUtcNow(), 12, $"wave{hoursLater}"));
        }

        var episodes = await EpisodesAsync(deployment);
        Assert.Equal([1, 0, 1], opened);
        Assert.Equal([(day, day.AddHours(4)), (day.AddHours(11), day.AddHours(11))], episodes.OrderBy(e => e.Start).Select(e => (e.Start, e.LastFired)));
        Assert.Equal(2, (await deployment.Storage.SpikesQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task MatchesOfAnHourAlreadyPastNeverFireAndASmallRiseDoesNot()
    {
        var deployment = Deployment(null, null, $$"""{"id":"desk","spikes":"medium"}""");
        await using var services = deployment.BuildServices();
        await deployment.Storage.EnsureCreatedAsync();
        await WatchedForTwoDaysAsync(deployment, DateTimeOffset.UtcNow);

        var late = await SurgeAsync(services, DateTimeOffset.UtcNow.AddHours(-30), 40, "late");
        var small = await SurgeAsync(services, DateTimeOffset.UtcNow, 3, "small");

        Assert.Equal((0, 0), (late, small));
        Assert.Empty(await EpisodesAsync(deployment));
    }

    [Fact]
    public async Task ADeploymentsFirstDayDoesNotAlertHoweverBusy()
    {
        var deployment = Deployment(null, null, $$"""{"id":"desk","spikes":"high"}""");
        await using var services = deployment.BuildServices();
        await deployment.Storage.EnsureCreatedAsync();

        var opened = await SurgeAsync(services, DateTimeOffset.UtcNow, 40, "backlog");

        Assert.Equal(0, opened);
        Assert.Empty(await EpisodesAsync(deployment));
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task AnEpisodeLeftPendingByAStoppedInstanceIsQueuedByTheNextCheck()
    {
        var deployment = Deployment(null, null, $$"""{"id":"desk","entities":["{{Putin}}"],"spikes":"medium"}""");
        await using var services = deployment.BuildServices();
        await deployment.Storage.EnsureCreatedAsync();
        var now = DateTimeOffset.UtcNow;
        await WatchedForTwoDaysAsync(deployment, now);
        var hour = HourlyVolumeStore.HourOf(now);
        await services.GetRequiredService<SpikeStore>().TryOpenAsync(new SpikeEpisode(Putin, "medium-10", hour, hour, 12, 1, 12, SpikeEpisode.Pending, now.AddMinutes(-2)));

        var opened = await SurgeAsync(services, now, 12, "retry");

        Assert.Equal(0, opened);
        Assert.Equal(SpikeEpisode.Queued, Assert.Single(await EpisodesAsync(deployment)).State);
        var message = (await deployment.Storage.SpikesQueue.ReceiveMessageAsync()).Value;
        Assert.Equal(Putin, JsonSerializer.Deserialize<SpikeMessage>(message.MessageText, JsonDefaults.Options)!.EntityId);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task ADeliveryFasterThanTheQueuedMarkStaysDeliveredAndExtensionsNeverGoBack()
    {
        var deployment = Deployment(null, null, """{"id":"desk"}""");
        await deployment.Storage.EnsureCreatedAsync();
        var store = new SpikeStore(deployment.Storage);
        var hour = HourlyVolumeStore.HourOf(DateTimeOffset.UtcNow);
        var opened = (await store.TryOpenAsync(new SpikeEpisode(Putin, "high-5", hour, hour, 12, 2, 12, SpikeEpisode.Pending, DateTimeOffset.UtcNow)))!;

        await store.MarkDeliveredAsync(opened);
        await store.MarkQueuedAsync(opened);
        await store.ExtendAsync(opened, hour.AddHours(2), 40);
        await store.ExtendAsync(opened, hour.AddHours(1), 30);
        var again = await store.TryOpenAsync(opened);

        var stored = (await store.GetAsync(Putin, "high-5", hour))!;
        Assert.Null(again);
        Assert.Equal((SpikeEpisode.Delivered, hour.AddHours(2), 40), (stored.State, stored.LastFired, stored.PeakCount));
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task ASpikeMessageWaitsForSubscriptionsThatNeverValidatedInsteadOfBurningItsAttempts()
    {
        var deployment = Deployment(null, null, """{"id":"desk","spikes":"medium",}""" + "oops");
        await deployment.Storage.EnsureCreatedAsync();
        await using var services = deployment.BuildServices();
        var hour = HourlyVolumeStore.HourOf(DateTimeOffset.UtcNow);
        await services.GetRequiredService<SpikeStore>().TryOpenAsync(new SpikeEpisode(Putin, "medium-10", hour, hour, 12, 1, 12, SpikeEpisode.Queued, DateTimeOffset.UtcNow));

        var reports = await services.GetRequiredService<SpikeDeliverer>().DeliverAsync(new SpikeMessage(Putin, "medium-10", hour));

        // Put back as a fresh message that becomes visible after the deferral delay: not retried at once, not poisoned.
        var visibleNow = (await deployment.Storage.SpikesQueue.PeekMessageAsync()).Value;
        Assert.Empty(reports);
        Assert.Null(visibleNow);
        Assert.Equal(1, (await deployment.Storage.SpikesQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task SubscriptionsWithABadSpikeSettingAreRejectedNamingTheSubscription()
    {
        var deployment = Deployment(null, null, """{"id":"desk","spikes":"loud"}""");

        var check = await deployment.RunCliAsync("subscriptions");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("subscriptions[0] (desk).spikes: \"loud\" is not low, medium, high", check.Error, StringComparison.Ordinal);
    }

    /// <summary>Records that Putin's spikes have been watched since two days before <paramref name="now"/>, past the warm-up.</summary>
    private static Task<DateTimeOffset> WatchedForTwoDaysAsync(TestDeployment deployment, DateTimeOffset now)
        => new SpikeStore(deployment.Storage).WatchedSinceAsync(Putin, now.AddDays(-2));

    /// <summary>Stores <paramref name="count"/> matches of Putin discovered at <paramref name="at"/> and checks each as the article stage does; the episodes opened.</summary>
    private static async Task<int> SurgeAsync(ServiceProvider services, DateTimeOffset at, int count, string slug)
    {
        var store = services.GetRequiredService<MatchStore>();
        var watcher = services.GetRequiredService<SpikeWatcher>();
        var opened = 0;
        for (var i = 0; i < count; i++)
        {
            var url = new Uri($"https://news.example.org/{slug}-{i}");
            var entities = new[] { new EntityMatch(Putin, EntityKind.Figure, "Vladimir Putin", 1, 0.9) };
            var article = new StoredArticle(ArticleId.FromCanonicalUrl(CanonicalUrl.Normalize(url)), "wire", url, url, $"Putin story {slug} {i}", at, at, at, TextOrigin.Feed, null, "en", "Vladimir Putin spoke.", "v1", entities, []);
            await store.SaveAsync(article);
            opened += (await watcher.CheckAsync(article.Entities, article.DiscoveredAt)).Count;
        }

        return opened;
    }

    private static async Task<List<SpikeEpisode>> EpisodesAsync(TestDeployment deployment)
    {
        var store = new SpikeStore(deployment.Storage);
        var episodes = new List<SpikeEpisode>();
        await foreach (var row in deployment.Storage.Spikes.QueryAsync<TableEntity>(filter: "RowKey ne '~watched'"))
        {
            episodes.Add((await store.GetAsync(row.PartitionKey, row.GetString("Setting")!, row.GetDateTimeOffset("Start")!.Value))!);
        }

        return episodes;
    }

    private TestDeployment Deployment(LoopbackServer? feed, TestSmtpServer? smtp, string subscription)
    {
        var deployment = environment.NewDeployment();
        if (feed is not null)
        {
            File.WriteAllText(deployment.Settings["Monitor:FeedsPath"]!, $$"""{"feeds":[{"id":"wire","url":"{{feed.Url("/feed")}}"}]}""");
        }

        var path = Path.Combine(deployment.Folder, "subscriptions.json");
        File.WriteAllText(path, $$"""{"subscriptions":[{{subscription}}]}""");
        deployment.Settings["Monitor:SubscriptionsPath"] = path;
        if (smtp is not null)
        {
            deployment.Settings["Monitor:Smtp:Host"] = "127.0.0.1";
            deployment.Settings["Monitor:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
            deployment.Settings["Monitor:Smtp:Security"] = "None";
        }

        return deployment;
    }

    /// <summary>RSS items that each mention Putin, with a text long enough that no page is fetched.</summary>
    private static string Stories(int count)
    {
        var words = string.Join(' ', Enumerable.Repeat("Vladimir Putin spoke about the talks again today.", 30));
        var items = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            items.Append(CultureInfo.InvariantCulture, $"<item><title>Putin surge story {i}</title><link>https://example.org/surge/{i}</link><description>{words}</description></item>");
        }

        return items.ToString();
    }

    [GeneratedRegex(@"Russia desk — spike: Vladimir Putin: \d+ articles in 3 h, \d+(\.\d)?× usual")]
    private static partial Regex SpikeTitle();
}
