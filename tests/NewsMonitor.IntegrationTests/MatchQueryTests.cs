using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Functions;
using NewsMonitor.Reading;
using NewsMonitor.Web.Api;

namespace NewsMonitor.IntegrationTests;

/// <summary>The HTTP API and <c>monitor matches</c> / <c>monitor digest</c> over what a demo run stored.</summary>
[Collection(SharedAzurite.Name)]
public sealed class MatchQueryTests(LocalEnvironment environment) : IAsyncLifetime
{
    private readonly TestDeployment deployment = environment.NewDeployment();

    private string SeedId => environment.ArticleIdOf("trump-putin-ally");

    public async Task InitializeAsync() => Assert.Equal(0, (await deployment.RunCliAsync("run", "--once")).ExitCode);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task MatchesApiListsTheSeedArticleForVladimirPutin()
    {
        var result = await CallApiAsync("?entity=vladimir-putin&from=7d", articleId: null);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(Assert.IsType<JsonResult>(result).Value, JsonDefaults.Options));
        var item = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(SeedId, item.GetProperty("articleId").GetString());
        Assert.Contains(item.GetProperty("entities").EnumerateArray(), e => e.GetProperty("id").GetString() == "vladimir-putin");
    }

    [Fact]
    public async Task MatchesApiReturnsTheStoredArticleById()
    {
        var result = await CallApiAsync(string.Empty, SeedId);

        using var article = JsonDocument.Parse(JsonSerializer.Serialize(Assert.IsType<JsonResult>(result).Value, JsonDefaults.Options));
        Assert.Equal(SeedId, article.RootElement.GetProperty("articleId").GetString());
        Assert.Contains(article.RootElement.GetProperty("mentions").EnumerateArray(), m => m.GetProperty("entityId").GetString() == "vladimir-putin");
        Assert.Contains(article.RootElement.GetProperty("explanations").EnumerateArray(), e => e.GetProperty("matched").GetBoolean() && e.GetProperty("clause").GetProperty("clauses").GetArrayLength() > 0);
    }

    public static TheoryData<string, string?, int, string> BadRequests => new()
    {
        { "?limit=0", null, 400, "limit" },
        { "?limit=5000", null, 400, "limit" },
        { "?from=yesterday", null, 400, "from" },
        { "?entity=Robert');DROP", null, 400, "entity" },
        { string.Empty, "..%2F..%2Fsecrets", 400, "articleId" },
        { string.Empty, "0123456789abcdef0123456789abcdef", 404, "articleId" },

        // Attacks: path traversal toward other blobs, OData filter injection toward other partitions or rows.
        { "?limit=99999999999999999999", null, 400, "limit" },
        { string.Empty, "../../config/watchlist.json", 400, "articleId" },
        { string.Empty, "%2e%2e%2f%2e%2e%2fconfig%2fwatchlist.json", 400, "articleId" },
        { string.Empty, "0123456789abcdef0123456789abcdef/../../x", 400, "articleId" },
        { string.Empty, "0123456789abcdef0123456789abcdef' or RowKey ne '", 400, "articleId" },
        { "?entity=vladimir-putin'%20or%20PartitionKey%20ne%20'", null, 400, "entity" },
        { "?feed=demo'%20or%20true%20or%20'", null, 400, "feed" },
        { "?continuation='%20or%20RowKey%20gt%20'", null, 400, "continuation" },
        { "?kind=figure'%20or%20'1'%20eq%20'1", null, 400, "kind" },
    };

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task AnODataInjectionInTheWordsFilterIsJustWordsThatMatchNothing()
    {
        var result = await CallApiAsync("?q=%27%20or%20PartitionKey%20ne%20%27&from=7d", articleId: null);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(Assert.IsType<JsonResult>(result).Value, JsonDefaults.Options));
        Assert.Empty(json.RootElement.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [Trait("Category", "Reliability")]
    [MemberData(nameof(BadRequests))]
    public async Task MatchesApiAnswersBadInputWithAProblemNamingTheParameter(string query, string? articleId, int status, string parameter)
    {
        var result = Assert.IsType<ObjectResult>(await CallApiAsync(query, articleId));

        Assert.Equal(status, result.StatusCode);
        Assert.Contains("application/problem+json", result.ContentTypes);
        Assert.StartsWith(parameter, Assert.IsType<ProblemDetails>(result.Value).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonitorMatchesPrintsTheSeedArticleForVladimirPutin()
    {
        var run = await deployment.RunCliAsync("matches", "--entity", "vladimir-putin", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var items = JsonSerializer.Deserialize<List<MatchSummary>>(run.Output, JsonDefaults.Options)!;
        Assert.Equal(SeedId, Assert.Single(items).ArticleId);
    }

    [Fact]
    public async Task MonitorMatchesTableListsEveryMatchedArticle()
    {
        var run = await deployment.RunCliAsync("matches");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("6 matched article(s)", run.Output, StringComparison.Ordinal);
        Assert.Contains(SeedId, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DigestPreviewShowsTheSeedHeadlineOnceWithItsOtherEntities()
    {
        var preview = Path.Combine(deployment.Folder, "digest.html");

        var run = await deployment.RunCliAsync("digest", "--subscription", "russia-ukraine-desk", "--since", "1d", "--preview", preview);

        Assert.Equal(0, run.ExitCode);
        var html = await File.ReadAllTextAsync(preview);
        var seedUrl = new Uri(environment.SiteUrl, "articles/trump-putin-ally.html").AbsoluteUri;
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, $"href=\"{System.Text.RegularExpressions.Regex.Escape(seedUrl)}\""));
        Assert.Contains("Also mentions:", html, StringComparison.Ordinal);
        Assert.Contains("In Plain Sight", await File.ReadAllTextAsync(Path.ChangeExtension(preview, ".txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRunStoredOneDigestPerSubscriptionWithNewMatches()
    {
        var digests = new List<string>();
        await foreach (var blob in deployment.Storage.Digests.GetBlobsAsync())
        {
            digests.Add(blob.Name);
        }

        Assert.Contains(digests, d => d.StartsWith("russia-ukraine-desk/", StringComparison.Ordinal) && d.EndsWith(".html", StringComparison.Ordinal));
        Assert.Contains(digests, d => d.StartsWith("russia-ukraine-desk/", StringComparison.Ordinal) && d.EndsWith(".txt", StringComparison.Ordinal));
        var state = await new Storage.DigestStore(deployment.Storage).GetStateAsync("russia-ukraine-desk", "store");
        Assert.NotNull(state.Watermark);
        Assert.Contains("digests: nothing was due", (await deployment.RunCliAsync("run", "--once")).Output, StringComparison.Ordinal);
    }

    private async Task<IActionResult> CallApiAsync(string query, string? articleId)
    {
        await using var services = deployment.BuildServices();
        var api = new MatchesApi(services.GetRequiredService<MatchesEndpoint>());
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = articleId is null ? "/api/matches" : $"/api/matches/{articleId}";
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        return await api.Run(context.Request, articleId is null ? null : Uri.UnescapeDataString(articleId), CancellationToken.None);
    }
}
