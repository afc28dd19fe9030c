using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Functions;
using NewsMonitor.Reading;
using NewsMonitor.Storage;
using NewsMonitor.Web.Api;

namespace NewsMonitor.IntegrationTests;

/// <summary>Every filter of <c>GET /api/matches</c>, paging with continuation tokens, and AND across entities, on a demo run.</summary>
[Collection(SharedAzurite.Name)]
public sealed class MatchFilterTests(LocalEnvironment environment) : IAsyncLifetime
{
    private readonly TestDeployment deployment = environment.NewDeployment();

    public async Task InitializeAsync() => Assert.Equal(0, (await deployment.RunCliAsync("run", "--once")).ExitCode);

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string[]> Filters => new()
    {
        { "?q=Rutte", ["nato-rutte-brussels"] },
        { "?entity=vladimir-putin&entity=donald-trump&all=true", ["trump-putin-ally"] },
        { "?entity=donald-trump", ["melania-trump-online-safety", "trump-putin-ally"] },
        { "?entity=melania-trump&entity=ursula-von-der-leyen", ["eu-sanctions-package", "melania-trump-online-safety"] },
        { "?kind=alert", ["black-sea-shipping-erdogan", "nato-rutte-brussels", "trump-putin-ally"] },
        { "?entity=sanctions&minScore=0.9", ["eu-sanctions-package"] },
        { "?from=2099-01-01T00:00:00Z&to=2099-01-02T00:00:00Z", [] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task EachFilterSelectsTheArticlesItShould(string query, string[] slugs)
    {
        var (items, _) = await ListAsync(query);

        Assert.Equal(slugs.Select(environment.ArticleIdOf).Order(StringComparer.Ordinal), items.Select(i => i.ArticleId).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, string> UnknownNames => new()
    {
        { "?feed=elsewhere", "feed: \"elsewhere\" is not a feed in the feed list; known: demo" },
        { "?entity=vladimir-putn", "entity: \"vladimir-putn\" is not an entity on the watchlist — did you mean \"vladimir-putin\"?; known: " },
        { "?category=Nowhere", "category: \"Nowhere\" is not a feed category in the feed list; there are none" },
        { "?minScore=NaN", "minScore: \"NaN\" must be a number from 0 to 1" },
    };

    [Theory]
    [MemberData(nameof(UnknownNames))]
    public async Task AFilterNamingNothingKnownIsABadRequestListingTheKnownNames(string query, string detail)
    {
        await using var services = deployment.BuildServices();
        var api = new MatchesApi(services.GetRequiredService<MatchesEndpoint>());
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);

        var result = Assert.IsType<ObjectResult>(await api.Run(context.Request, null, CancellationToken.None));

        Assert.Equal(StatusCodes.Status400BadRequest, result.StatusCode);
        Assert.StartsWith(detail, Assert.IsType<ProblemDetails>(result.Value).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagingVisitsEveryArticleOnceWhileNewMatchesArrive()
    {
        var seen = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var (items, next) = await ListAsync("?limit=2" + (continuation is null ? string.Empty : $"&continuation={continuation}"));
            seen.AddRange(items.Select(i => i.ArticleId));
            continuation = next;
            if (pages++ == 0)
            {
                await AddLateMatchAsync();
            }
        }
        while (continuation is not null);

        Assert.Equal(6, seen.Count);
        Assert.Equal(6, seen.Distinct().Count());
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task PagingCrossesDayPartitionsWithoutLosingAnArticle()
    {
        await using (var services = deployment.BuildServices())
        {
            var seed = (await services.GetRequiredService<MatchFinder>().GetAsync(environment.ArticleIdOf("trump-putin-ally")))!;
            foreach (var daysAgo in new[] { 1, 2, 4 })
            {
                var id = daysAgo.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
                await services.GetRequiredService<MatchStore>().SaveAsync(seed with { ArticleId = id, DiscoveredAt = DateTimeOffset.UtcNow.AddDays(-daysAgo) });
            }
        }

        var seen = new List<string>();
        string? continuation = null;
        do
        {
            var (items, next) = await ListAsync("?limit=4&from=7d" + (continuation is null ? string.Empty : $"&continuation={continuation}"));
            seen.AddRange(items.Select(i => i.ArticleId));
            continuation = next;
        }
        while (continuation is not null);

        Assert.Equal(9, seen.Count);
        Assert.Equal(9, seen.Distinct().Count());
        Assert.Equal(["00000000000000000000000000000001", "00000000000000000000000000000002", "00000000000000000000000000000004"], seen.TakeLast(3));
    }

    [Fact]
    public async Task StrongestFirstIsOrderedByScore()
    {
        var (items, _) = await ListAsync("?sort=score&limit=200");

        var scores = items.Select(i => i.Entities.Max(e => e.Score)).ToList();
        Assert.Equal(6, scores.Count);
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public async Task EveryEntityOfAnArticleIsListedWithItsCount()
    {
        var (items, _) = await ListAsync("?entity=steve-witkoff");

        var seed = Assert.Single(items);
        Assert.Contains(seed.Entities, e => e.Id == "vladimir-putin" && e.Count == 15);
        Assert.Contains(seed.Entities, e => e.Id == "steve-witkoff" && e.Kind == "figure" && e.Count == 2);
    }

    [Fact]
    public async Task MonitorMatchesWritesCsvThatASpreadsheetCannotExecute()
    {
        var run = await deployment.RunCliAsync("matches", "--format", "csv", "--entity", "nato");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Trim().Split('\n');
        Assert.Equal("matchedAt,articleId,score,entities,feed,published,title,url", lines[0]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task EntitiesApiCountsTheLastDayAndWeekPerEntity()
    {
        await using var services = deployment.BuildServices();

        var result = Assert.IsType<JsonResult>(await new EntitiesApi(services.GetRequiredService<EntitiesEndpoint>()).Run(new DefaultHttpContext().Request, CancellationToken.None));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(result.Value, JsonDefaults.Options));
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);
        Assert.Equal(34, items.Count);
        Assert.Equal((1, 1), (items["vladimir-putin"].GetProperty("last24Hours").GetInt32(), items["vladimir-putin"].GetProperty("last7Days").GetInt32()));
        Assert.Equal(2, items["donald-trump"].GetProperty("last7Days").GetInt32());
        Assert.Equal(0, items["xi-jinping"].GetProperty("last7Days").GetInt32());
    }

    [Fact]
    public async Task FeedsApiReportsTheDemoFeedHealthy()
    {
        await using var services = deployment.BuildServices();

        var result = Assert.IsType<JsonResult>(await new FeedsApi(services.GetRequiredService<FeedsEndpoint>()).Run(new DefaultHttpContext().Request, CancellationToken.None));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(result.Value, JsonDefaults.Options));
        var feed = Assert.Single(json.RootElement.GetProperty("items").Deserialize<List<FeedHealthRow>>(JsonDefaults.Options)!);
        Assert.Equal(("demo", "ok", 10L), (feed.Id, feed.Status, feed.ItemsSeen));
    }

    [Fact]
    public async Task MonitorShowHighlightsEveryMention()
    {
        var run = await deployment.RunCliAsync("show", environment.ArticleIdOf("trump-putin-ally"));
        var entities = await deployment.RunCliAsync("entities");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("«Donald Trump», «Putin»’s “Ally” In Plain Sight?", run.Output, StringComparison.Ordinal);
        Assert.Contains("White House envoy «Steve Witkoff» received", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"vladimir-putin\s+figure\s+1\s+1\s+Vladimir Putin", entities.Output);
    }

    private async Task AddLateMatchAsync()
    {
        await using var services = deployment.BuildServices();
        var article = await services.GetRequiredService<MatchFinder>().GetAsync(environment.ArticleIdOf("trump-putin-ally"));
        var late = article! with { ArticleId = new string('f', 32), DiscoveredAt = DateTimeOffset.UtcNow };
        await services.GetRequiredService<MatchStore>().SaveAsync(late);
    }

    private async Task<(List<MatchSummary> Items, string? Continuation)> ListAsync(string query)
    {
        await using var services = deployment.BuildServices();
        var api = new MatchesApi(services.GetRequiredService<MatchesEndpoint>());
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        var result = Assert.IsType<JsonResult>(await api.Run(context.Request, null, CancellationToken.None));
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(result.Value, JsonDefaults.Options));
        var items = json.RootElement.GetProperty("items").Deserialize<List<MatchSummary>>(JsonDefaults.Options)!;
        var continuation = json.RootElement.GetProperty("continuation").GetString();
        return (items, continuation);
    }
}
