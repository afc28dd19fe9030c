using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Functions;
using NewsMonitor.Web.Api;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// <c>GET /api/search</c> and <c>POST /api/backtest</c> through <c>monitor serve</c> over loopback: the answers of the
/// Functions triggers, problems that name what was wrong, and no writes.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class ArchiveApiTests(LocalEnvironment environment) : IAsyncLifetime
{
    private static readonly DateTimeOffset Hour = ArchiveCorpus.Hour;

    private readonly TestDeployment deployment = environment.NewDeployment();
    private ServeHost serve = null!;

    public async Task InitializeAsync()
    {
        await deployment.Storage.EnsureCreatedAsync();
        await using (var services = deployment.BuildServices())
        {
            await ArchiveCorpus.WriteAsync(services, [
                ArchiveCorpus.Article("nkosi-returns", Hour.AddHours(-50), "Nkosi returns", "Graham Nkosi returned to the council.", feed: "wire"),
                ArchiveCorpus.Article("levy-vote", Hour.AddHours(-2), "Harbour levy vote", "Graham Nkosi said the harbour levy would pass."),
                ArchiveCorpus.Article("putin-envoys", Hour.AddHours(-5), "Putin speaks", "Vladimir Putin met envoys over the levy.", feed: "wire"),
            ]);
        }

        serve = await ServeHost.StartAsync(deployment);
    }

    public async Task DisposeAsync() => await serve.DisposeAsync();

    public static TheoryData<string> Searches => new()
    {
        "?q=%22graham%20nkosi%22",
        "?q=levy&limit=1",
        "?q=levy&feed=wire&since=3d",
        "?q=%40vladimir-putin%20AND%20levy",
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task SearchAnswersAsTheFunctionsTriggerDoes(string query)
    {
        using var response = await serve.Client.GetAsync("api/search" + query);

        await using var services = deployment.BuildServices();
        var result = await new SearchApi(services.GetRequiredService<SearchEndpoint>()).Run(Request("/api/search", query), CancellationToken.None);
        var expected = JsonSerializer.Serialize(((JsonResult)result).Value, JsonDefaults.Options);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var actual = await response.Content.ReadAsStringAsync();
        Assert.True(JsonNode.DeepEquals(Comparable(expected), Comparable(actual)), $"expected {expected}\nactual   {actual}");
        Assert.NotEmpty(JsonNode.Parse(actual)!["items"]!.AsArray());
    }

    public static TheoryData<string, string> BadSearches => new()
    {
        { "?q=(levy", "q: \"(levy\", col 6: expected ')'" },
        { "?q=levy%20AND%20%40nobody", "q: \"levy AND @nobody\", col 10: unknown figure @nobody" },
        { "", "q: missing" },
        { "?q=levy&limit=0", "limit: \"0\" must be a whole number from 1 to 200" },
        { "?q=levy&cursor=x", "cursor: \"x\" is not a cursor of a previous page" },
    };

    [Theory]
    [MemberData(nameof(BadSearches))]
    public async Task ABadSearchIsAProblemNamingTheParameter(string query, string detail)
    {
        using var response = await serve.Client.GetAsync("api/search" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABacktestComparesTheProposedWatchlistAndWritesNothing()
    {
        var proposed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(LocalEnvironment.RepositoryRoot, "seeds", "watchlist.json")))!;
        proposed["figures"]!.AsArray().Add(new JsonObject { ["id"] = "graham-nkosi", ["name"] = "Graham Nkosi" });
        var before = await StorageSnapshot.TakeAsync(environment.ConnectionString, deployment.Prefix);

        using var response = await serve.Client.PostAsync("api/backtest?since=7d", new StringContent(proposed.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(before, await StorageSnapshot.TakeAsync(environment.ConnectionString, deployment.Prefix));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var nkosi = report.RootElement.GetProperty("entities")[0];
        Assert.Equal(("graham-nkosi", "added", 2, 0), (nkosi.GetProperty("id").GetString(), nkosi.GetProperty("status").GetString(), nkosi.GetProperty("gained").GetInt32(), nkosi.GetProperty("lost").GetInt32()));
        Assert.Equal(2, nkosi.GetProperty("gainedExamples").GetArrayLength());
        Assert.Equal(3, report.RootElement.GetProperty("scan").GetProperty("articles").GetInt32());
    }

    public static TheoryData<string, string> BadBacktests => new()
    {
        { """{"figures":[],"topics":[{"id":"x","query":"(a OR b"}]}""", "body: 1 problem(s) in the watchlist:" },
        { "not json", "body: 1 problem(s) in the watchlist:" },
        { "{\"figures\":[],\"x\":\"" + new string('a', BacktestEndpoint.MaxBodyBytes) + "\"}", "body: larger than 1024 KB" },
    };

    [Theory]
    [MemberData(nameof(BadBacktests))]
    public async Task ABadProposedWatchlistIsAProblemNamingWhatWasWrong(string body, string detail)
    {
        using var response = await serve.Client.PostAsync("api/backtest", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidProposedQueryIsNamedWithItsEntryAndColumn()
    {
        using var response = await serve.Client.PostAsync("api/backtest", new StringContent("""{"topics":[{"id":"x","query":"(a OR b"}]}""", Encoding.UTF8, "application/json"));

        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Contains("topics[0] (x).query, col 8: expected ')'", detail, StringComparison.Ordinal);
    }

    /// <summary>The answer without what depends on the moment and the speed of each call: the window and the scan's timing.</summary>
    private static JsonObject Comparable(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("from");
        node.Remove("to");
        node.Remove("scan");
        return node;
    }

    private static HttpRequest Request(string path, string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        return context.Request;
    }
}
