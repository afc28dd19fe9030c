using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Articles;
using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Alerts;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Matching;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// Index rows a backfill wrote (<see cref="MatchIndexRow.Backfilled"/>) are not sent as news by digests or immediate
/// alerts, unless the subscription sets <c>includeBackfilled</c>, and then they are marked, on Azurite.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class BackfilledMatchTests(LocalEnvironment environment) : IAsyncLifetime
{
    private const string Alert = "trump-putin-contact";
    private static readonly DateTimeOffset Now = new(2025, 6, 15, 10, 30, 0, TimeSpan.Zero);
    private static readonly string Live = Id(1), Backfilled = Id(2);

    private readonly TestDeployment deployment = environment.NewDeployment();

    public async Task InitializeAsync()
    {
        await deployment.Storage.EnsureCreatedAsync();
        await using var services = deployment.BuildServices(new FakeTimeProvider(Now));
        var store = services.GetRequiredService<MatchStore>();
        var seen = services.GetRequiredService<SeenArticleStore>();
        foreach (var (id, at) in new[] { (Live, Now.AddHours(-2)), (Backfilled, Now.AddDays(-20)) })
        {
            var path = await store.SaveAsync(Article(id, at));
            await seen.MarkProcessedAsync(id, SeenStatus.Matched, path);
        }

        // As a backfill writes them: the rows of an article processed before its entities were on the watchlist.
        foreach (var partition in new[] { "donald-trump", Alert, MatchIndexRow.DayPartition(Now.AddDays(-20)) })
        {
            var row = (await deployment.Storage.MatchIndex.GetEntityAsync<MatchIndexRow>(partition, MatchIndexRow.RowKeyFor(Now.AddDays(-20), Backfilled))).Value;
            row.Backfilled = true;
            await deployment.Storage.MatchIndex.UpsertEntityAsync(row, TableUpdateMode.Replace);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string[], bool> Subscriptions => new()
    {
        { """{"id":"desk","name":"Desk","entities":["donald-trump"]}""", [Id(1)], false },
        { """{"id":"desk","name":"Desk","entities":["donald-trump"],"includeBackfilled":false}""", [Id(1)], false },
        { """{"id":"desk","name":"Desk","entities":["donald-trump"],"includeBackfilled":true}""", [Id(1), Id(2)], true },
    };

    [Theory]
    [MemberData(nameof(Subscriptions))]
    public async Task ADigestSendsBackfilledMatchesOnlyWhenItsSubscriptionIncludesThemAndMarksThem(string subscription, string[] articles, bool marked)
    {
        UseSubscription(subscription);
        await using var services = deployment.BuildServices(new FakeTimeProvider(Now));
        var desk = Assert.Single(await services.GetRequiredService<MonitorConfiguration>().GetSubscriptionsAsync());

        var digest = await services.GetRequiredService<DigestRunner>().PreviewAsync(desk, Now.AddDays(-30));

        var items = digest.Sections.SelectMany(s => s.Items).ToList();
        Assert.Equal(articles, items.Select(i => i.ArticleId).Order(StringComparer.Ordinal));
        Assert.Equal(marked ? [Backfilled] : [], items.Where(i => i.Backfilled).Select(i => i.ArticleId));
        Assert.Equal(marked, DigestRenderer.Text(digest).Contains($"found by backfill, first seen {Now.AddDays(-20):yyyy-MM-dd}", StringComparison.Ordinal));
        Assert.Equal(marked, DigestRenderer.Html(digest).Contains("found by backfill", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASentDigestLeavesBackfilledMatchesOutAndTheNextOneHasNothingToSend()
    {
        UseSubscription("""{"id":"desk","name":"Desk","entities":["donald-trump"]}""");
        var clock = new FakeTimeProvider(Now);
        await using var services = deployment.BuildServices(clock);
        var runner = services.GetRequiredService<DigestRunner>();
        var desk = Assert.Single(await services.GetRequiredService<MonitorConfiguration>().GetSubscriptionsAsync());

        var first = Assert.Single(await runner.SendNowAsync(desk));
        clock.Advance(TimeSpan.FromHours(1));
        var second = await runner.SendNowAsync(desk);

        Assert.Equal(1, first.Items);
        Assert.Empty(second);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public async Task AnImmediateAlertOfABackfilledMatchGoesOutOnlyWhenAskedForAndMarked(bool include, int sent)
    {
        await using var smtp = TestSmtpServer.Start();
        UseSubscription($$"""{"id":"urgent","name":"Urgent","frequency":"immediate","entities":["{{Alert}}"],"includeBackfilled":{{(include ? "true" : "false")}},"email":["duty@example.org"]}""");
        deployment.Settings["Monitor:Smtp:Host"] = "127.0.0.1";
        deployment.Settings["Monitor:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        deployment.Settings["Monitor:Smtp:Security"] = "None";
        await using var services = deployment.BuildServices(new FakeTimeProvider(Now));
        var alerts = services.GetRequiredService<AlertDeliverer>();

        var backfilled = await alerts.DeliverAsync(new AlertMessage(Backfilled, [Alert], Now));
        var live = await alerts.DeliverAsync(new AlertMessage(Live, [Alert], Now));

        Assert.Equal((sent, 1), (backfilled.Count, live.Count));
        Assert.Equal(1 + sent, smtp.Messages.Count);
        Assert.Equal(sent, smtp.Messages.Count(m => m.TextBody?.Contains("found by backfill", StringComparison.Ordinal) == true));
    }

    private void UseSubscription(string subscription)
    {
        var path = Path.Combine(deployment.Folder, "subscriptions.json");
        File.WriteAllText(path, $$"""{"subscriptions":[{{subscription}}]}""");
        deployment.Settings["Monitor:SubscriptionsPath"] = path;
    }

    private static string Id(int i) => i.ToString("x32", CultureInfo.InvariantCulture);

    private static StoredArticle Article(string id, DateTimeOffset at)
    {
        var url = new Uri($"https://news.example/{id}");
        EntityMatch[] entities = [new("donald-trump", EntityKind.Figure, "Donald Trump", 1, 0.6), new(Alert, EntityKind.Alert, "Trump–Putin contact", 1, 0.7)];
        return new StoredArticle(
            id, "bbc", url, url, $"Story {id}", at, at, at, TextOrigin.Feed, null, "en", "Trump called Putin", "test",
            entities,
            entities.Select(e => new Mention(e.Id, e.Kind, e.Id, TextField.Body, 0, 5, "Trump called Putin", 0)).ToList());
    }
}
