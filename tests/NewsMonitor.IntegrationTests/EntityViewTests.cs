using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Articles;
using NewsMonitor.Matching;
using NewsMonitor.Pipeline;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.IntegrationTests;

/// <summary><see cref="EntityViewReader"/> over matches written by <see cref="MatchStore"/> at known times, on Azurite.</summary>
[Collection(SharedAzurite.Name)]
public sealed class EntityViewTests(LocalEnvironment environment) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 6, 15, 10, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Today = new(2025, 6, 15, 0, 0, 0, TimeSpan.Zero);

    // Vladimir Putin's matches: when, from which feed. Day 0 of the 30 is 2025-05-17; hour 0 of the 48 is 06-13 11:00.
    private static readonly (DateTimeOffset At, string Feed)[] Putin =
    [
        (Now.AddSeconds(60), "bbc"),                       // after now: not yet in any view
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

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task ParallelRangesReadEveryMatchOnceEvenOnTheirBoundaries(int slices)
    {
        // 7 ranges over these 7 days put a boundary at each midnight, where matches sit.
        var from = Today.AddDays(-6);
        var store = services.GetRequiredService<MatchStore>();
        var boundaries = Enumerable.Range(0, 8).Select(i => from.AddDays(i)).ToList();
        foreach (var (at, i) in boundaries.Select((at, i) => (at, i)))
        {
            await store.SaveAsync(Article(Id(200 + i), at, "edge", "mark-rutte"));
        }

        var moments = await services.GetRequiredService<EntityTimeline>().ReadAsync("mark-rutte", from, from.AddDays(7), slices);

        Assert.Equal(boundaries.Take(7).Reverse(), moments.Select(m => m.At));
        Assert.Equal(Enumerable.Range(200, 7).Reverse().Select(Id), moments.Select(m => m.ArticleId));
        Assert.All(moments, m => Assert.Equal("edge", m.FeedId));
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
