using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Articles;
using NewsMonitor.Matching;
using NewsMonitor.Reading;
using NewsMonitor.Reading.Volume;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.IntegrationTests;

/// <summary><see cref="EntityViewReader"/> and the hour rows behind it, over matches written by <see cref="MatchStore"/> at known times, on Azurite.</summary>
[Collection(SharedAzurite.Name)]
public sealed class EntityViewTests(LocalEnvironment environment) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 6, 15, 10, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Today = new(2025, 6, 15, 0, 0, 0, TimeSpan.Zero);

    // Vladimir Putin's matches: when, from which feed. Day 0 of the 30 is 2025-05-17; hour 0 of the 48 is 06-13 11:00.
    private static readonly (DateTimeOffset At, string Feed)[] Putin =
    [
        (Now.AddHours(1), "bbc"),                          // the next hour: not yet in any view
        (Now.AddMinutes(-10), "bbc"),                      // day 29, hour 47
        (Today, "bbc"),                                    // day 29, hour 37
        (Today.AddTicks(-1), "reuters"),                   // day 28, hour 36
        (Today.AddHours(-37), "reuters"),                  // day 27, hour 0
        (Today.AddHours(-37).AddTicks(-1), "reuters"),     // day 27, before the 48 hours
        (Today.AddDays(-29), "ap"),                        // day 0
        (Today.AddDays(-29).AddTicks(-1), "ap"),           // before the 30 days
    ];

    private readonly TestDeployment deployment = environment.NewDeployment();
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        services = deployment.BuildServices(new FakeTimeProvider(Now));
        await deployment.Storage.EnsureCreatedAsync();
        var store = services.GetRequiredService<MatchStore>();
        for (var i = 0; i < Putin.Length; i++)
        {
            await store.SaveAsync(Article(Id(i), Putin[i].At, Putin[i].Feed, "vladimir-putin"));
        }

        // One article naming both counts once for each; one naming only Trump not at all for Putin.
        await store.SaveAsync(Article(Id(100), Today.AddDays(-5).AddHours(12), "bbc", "vladimir-putin", "donald-trump"));
        await store.SaveAsync(Article(Id(101), Now.AddMinutes(-5), "ap", "donald-trump"));
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task DailyCountsAreZeroFilledAndStopAtTheThirtyDayEdge()
    {
        var view = await ViewAsync("vladimir-putin");

        var expected = new int[30];
        expected[0] = 1;
        expected[24] = 1;
        expected[27] = 2;
        expected[28] = 1;
        expected[29] = 2;
        Assert.Equal(expected, view.Daily.Select(b => b.Count));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => Today.AddDays(i - 29)), view.Daily.Select(b => b.Start));
    }

    [Fact]
    public async Task HourlyCountsAreZeroFilledAndStopAtTheFortyEightHourEdge()
    {
        var view = await ViewAsync("vladimir-putin");

        var expected = new int[48];
        expected[0] = 1;
        expected[36] = 1;
        expected[37] = 1;
        expected[47] = 1;
        Assert.Equal(expected, view.Hourly.Select(b => b.Count));
        Assert.Equal(Enumerable.Range(0, 48).Select(i => Today.AddHours(i - 37)), view.Hourly.Select(b => b.Start));
    }

    [Fact]
    public async Task TopOutletsCountTheThirtyDaysBusiestFirst()
    {
        var view = await ViewAsync("vladimir-putin");

        Assert.Equal([new OutletCount("bbc", 3), new OutletCount("reuters", 3), new OutletCount("ap", 1)], view.TopOutlets);
    }

    [Fact]
    public async Task LatestListsTheNewestMatchesUpToNowWhateverTheirAge()
    {
        var view = await ViewAsync("vladimir-putin");

        Assert.Equal([Id(1), Id(2), Id(3), Id(4), Id(5), Id(100), Id(6), Id(7)], view.Latest.Select(m => m.ArticleId));
        Assert.Contains(view.Latest.Single(m => m.ArticleId == Id(100)).Entities, e => e.Id == "donald-trump");
    }

    [Fact]
    public async Task AFigureShowsItsNamesAndATopicItsQuery()
    {
        var figure = await ViewAsync("vladimir-putin");
        var topic = await ViewAsync("ukraine-ceasefire");

        Assert.Equal((EntityKind.Figure, "Vladimir Putin", null), (figure.Kind, figure.Name, figure.Query));
        Assert.Equal(["Vladimir Putin", "Putin", "President Putin"], figure.Names);
        Assert.Equal((EntityKind.Topic, null), (topic.Kind, topic.Names));
        Assert.StartsWith("(ceasefire* OR", topic.Query, StringComparison.Ordinal);
        Assert.All(topic.Daily, b => Assert.Equal(0, b.Count));
        Assert.Empty(topic.Latest);
    }

    [Fact]
    public async Task AnIdOutsideTheWatchlistIsUnknownNotAnEmptyView()
    {
        var view = await services.GetRequiredService<EntityViewReader>().GetAsync("no-such-entity");

        Assert.Null(view);
    }

    [Fact]
    public async Task StoringAMatchCountsItsHour()
    {
        var hours = await services.GetRequiredService<HourlyVolumeStore>().ReadAsync("vladimir-putin", Today.AddDays(-29), Now);

        Assert.Equal(
            [(Now.AddHours(-1).AddMinutes(30), 1), (Today, 1), (Today.AddHours(-1), 1), (Today.AddHours(-37), 1), (Today.AddHours(-38), 1), (Today.AddDays(-5).AddHours(12), 1), (Today.AddDays(-29), 1)],
            hours.Select(h => (h.Hour, h.Count)));
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task ARedeliveredArticleLeavesTheCountsAsTheyWere()
    {
        var before = await ViewAsync("vladimir-putin");

        await services.GetRequiredService<MatchStore>().SaveAsync(Article(Id(2), Putin[2].At, Putin[2].Feed, "vladimir-putin"));
        await services.GetRequiredService<MatchStore>().SaveAsync(Article(Id(100), Today.AddDays(-5).AddHours(12), "bbc", "vladimir-putin", "donald-trump"));

        var after = await ViewAsync("vladimir-putin");
        Assert.Equal(before.Daily, after.Daily);
        Assert.Equal(before.Hourly, after.Hourly);
        Assert.Equal(before.TopOutlets, after.TopOutlets);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task ArticlesSavedAtOnceInOneHourAreAllCounted()
    {
        var hour = Today.AddHours(9);
        var store = services.GetRequiredService<MatchStore>();

        // A writer's recount fails only when another one's succeeded, so ten writers all get through in ten attempts.
        await Task.WhenAll(Enumerable.Range(300, 10).Select(i => store.SaveAsync(Article(Id(i), hour.AddMinutes(i - 300), i % 2 == 0 ? "even" : "odd", "mark-rutte"))));

        var counted = Assert.Single(await services.GetRequiredService<HourlyVolumeStore>().ReadAsync("mark-rutte", hour, hour.AddHours(1)));
        Assert.Equal(10, counted.Count);
        Assert.Equal(new Dictionary<string, int> { ["even"] = 5, ["odd"] = 5 }, counted.Feeds);
    }

    [Fact]
    public async Task MatchesIndexedBeforeTheHourRowsExistedAreCountedOnTheFirstView()
    {
        var rows = Enumerable.Range(400, 5).Select(i => new MatchIndexRow
        {
            PartitionKey = "xi-jinping",
            RowKey = MatchIndexRow.RowKeyFor(Today.AddDays(-(i - 400)).AddHours(3), Id(i)),
            ArticleId = Id(i),
            FeedId = "archive",
        });
        foreach (var row in rows)
        {
            await deployment.Storage.MatchIndex.UpsertEntityAsync(row);
        }

        var view = await ViewAsync("xi-jinping");

        Assert.Equal([1, 1, 1, 1, 1], view.Daily.TakeLast(5).Select(b => b.Count));
        Assert.Equal(5, view.Daily.Sum(b => b.Count));
        Assert.Equal([new OutletCount("archive", 5)], view.TopOutlets);
    }

    private async Task<EntityView> ViewAsync(string entityId)
        => await services.GetRequiredService<EntityViewReader>().GetAsync(entityId) ?? throw new InvalidOperationException($"{entityId}: unknown");

    private static string Id(int i) => i.ToString("x32", CultureInfo.InvariantCulture);

    private static StoredArticle Article(string id, DateTimeOffset at, string feed, params string[] figures)
    {
        var url = new Uri($"https://{feed}.example/{id}");
        return new StoredArticle(
            id, feed, url, url, $"Story {id}", at, at, at, TextOrigin.Feed, null, "en", "text", "test",
            figures.Select(f => new EntityMatch(f, EntityKind.Figure, f, 1, 0.5)).ToList(),
            figures.Select(f => new Mention(f, EntityKind.Figure, f, TextField.Body, 0, 4, "text", 0)).ToList());
    }
}
