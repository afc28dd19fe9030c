using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Functions;
using NewsMonitor.Web.Api;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// <c>monitor serve</c> over real HTTP on loopback: the same answers as the Functions app's HTTP triggers for the same
/// requests, the workspace's security headers, and writes only from the workspace's own origin.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class ServeApiTests(LocalEnvironment environment) : IAsyncLifetime
{
    private readonly TestDeployment deployment = environment.NewDeployment();
    private ServeHost serve = null!;

    public async Task InitializeAsync()
    {
        Assert.Equal(0, (await deployment.RunCliAsync("run", "--once")).ExitCode);
        serve = await ServeHost.StartAsync(deployment);
    }

    public async Task DisposeAsync() => await serve.DisposeAsync();

    public static TheoryData<string> MatchQueries => new()
    {
        "?entity=vladimir-putin&from=7d",
        "?from=7d&sort=score&limit=3",
        "?entity=vladimir-putin&entity=donald-trump&all=true&from=7d",
        "?limit=5000",
        "?from=yesterday-ish",
    };

    [Theory]
    [MemberData(nameof(MatchQueries))]
    public async Task MatchListingsAnswerAsTheFunctionsTriggerDoes(string query)
    {
        using var response = await serve.Client.GetAsync("api/matches" + query);

        var (status, body) = await CallFunctionAsync(services => new MatchesApi(services.GetRequiredService<MatchesEndpoint>()).Run(Request("/api/matches", query), null, CancellationToken.None));
        Assert.Equal(status, (int)response.StatusCode);
        AssertSameJson(WithoutPeriod(body), WithoutPeriod(await response.Content.ReadAsStringAsync()));
        if (status == 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task OneArticleEntitiesAndFeedsAnswerAsTheFunctionsTriggersDo()
    {
        var id = environment.ArticleIdOf("trump-putin-ally");

        using var article = await serve.Client.GetAsync($"api/matches/{id}");
        using var missing = await serve.Client.GetAsync($"api/matches/{new string('0', 32)}");
        using var entities = await serve.Client.GetAsync("api/entities");
        using var feeds = await serve.Client.GetAsync("api/feeds");

        AssertSameJson((await CallFunctionAsync(s => new MatchesApi(s.GetRequiredService<MatchesEndpoint>()).Run(Request($"/api/matches/{id}", string.Empty), id, CancellationToken.None))).Body, await article.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        AssertSameJson((await CallFunctionAsync(s => new EntitiesApi(s.GetRequiredService<EntitiesEndpoint>()).Run(Request("/api/entities", string.Empty), CancellationToken.None))).Body, await entities.Content.ReadAsStringAsync());
        AssertSameJson((await CallFunctionAsync(s => new FeedsApi(s.GetRequiredService<FeedsEndpoint>()).Run(Request("/api/feeds", string.Empty), CancellationToken.None))).Body, await feeds.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StatusNamesTheLocalReviewerAndTheLastPoll()
    {
        using var json = JsonDocument.Parse(await serve.Client.GetStringAsync("api/status"));

        Assert.Equal("local", json.RootElement.GetProperty("reviewer").GetString());
        Assert.Equal(JsonValueKind.String, json.RootElement.GetProperty("lastPollAt").ValueKind);
        Assert.Equal(JsonValueKind.String, json.RootElement.GetProperty("latestMatchAt").ValueKind);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task EveryAnswerCarriesTheSecurityHeaders()
    {
        using var api = await serve.Client.GetAsync("api/status");
        using var page = await serve.Client.GetAsync("no-such-file.js");

        foreach (var response in new[] { api, page })
        {
            Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Theory]
    [InlineData(null, null, HttpStatusCode.Forbidden)]
    [InlineData("cross-site", "https://evil.example", HttpStatusCode.Forbidden)]
    [InlineData(null, "https://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("same-origin", null, HttpStatusCode.OK)]
    [Trait("Category", "Reliability")]
    public async Task AWriteIsAcceptedOnlyFromTheWorkspacesOwnOrigin(string? fetchSite, string? origin, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/poison/replay?all=true");
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await serve.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task AWriteFromTheSameOriginHeaderIsAccepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/poison/replay?all=true");
        request.Headers.Add("Origin", serve.Url.GetLeftPart(UriPartial.Authority));

        using var response = await serve.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ATriageActionIsStoredUnderTheLocalReviewerAndLeavesTheDefaultStream()
    {
        var id = environment.ArticleIdOf("trump-putin-ally");
        using var put = new HttpRequestMessage(HttpMethod.Put, $"api/matches/{id}/review") { Content = new StringContent("""{"state":"dismissed","reason":"not about the president"}""", System.Text.Encoding.UTF8, "application/json") };
        put.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var forged = new HttpRequestMessage(HttpMethod.Put, $"api/matches/{id}/review") { Content = new StringContent("""{"state":"relevant"}""", System.Text.Encoding.UTF8, "application/json") };
        forged.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var saved = await serve.Client.SendAsync(put);
        using var refused = await serve.Client.SendAsync(forged);
        using var review = JsonDocument.Parse(await serve.Client.GetStringAsync($"api/matches/{id}/review"));
        using var stream = JsonDocument.Parse(await serve.Client.GetStringAsync("api/matches?from=7d"));
        using var dismissed = JsonDocument.Parse(await serve.Client.GetStringAsync("api/matches?from=7d&review=dismissed"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(("dismissed", "local"), (review.RootElement.GetProperty("state").GetString(), review.RootElement.GetProperty("by").GetString()));
        Assert.DoesNotContain(stream.RootElement.GetProperty("items").EnumerateArray(), item => item.GetProperty("articleId").GetString() == id);
        Assert.Equal(id, Assert.Single(dismissed.RootElement.GetProperty("items").EnumerateArray()).GetProperty("articleId").GetString());
    }

    [Fact]
    public async Task AnEntityViewAndAnUnknownEntityAnswer()
    {
        using var view = JsonDocument.Parse(await serve.Client.GetStringAsync("api/entities/vladimir-putin"));
        using var unknown = await serve.Client.GetAsync("api/entities/nobody");

        Assert.Equal(30, view.RootElement.GetProperty("daily").GetArrayLength());
        Assert.Equal(48, view.RootElement.GetProperty("hourly").GetArrayLength());
        Assert.True(view.RootElement.GetProperty("daily").EnumerateArray().Sum(d => d.GetProperty("count").GetInt32()) > 0);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("nobody", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExclusionIsPreviewedAsTheExactChangeAndNotWrittenUntilApplied()
    {
        using var preview = new HttpRequestMessage(HttpMethod.Post, "api/watchlist/exclusions?apply=false") { Content = new StringContent("""{"entityId":"vladimir-putin","phrase":"Putin Street"}""", System.Text.Encoding.UTF8, "application/json") };
        preview.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await serve.Client.SendAsync(preview);
        using var change = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("exclude += \"Putin Street\"", change.RootElement.GetProperty("change").GetString(), StringComparison.Ordinal);
        Assert.False(change.RootElement.GetProperty("applied").GetBoolean());
        Assert.Empty(change.RootElement.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public async Task AnArticleListsTheSameStoryFromAnotherOutlet()
    {
        var original = environment.ArticleIdOf("eu-sanctions-package");
        var copy = await StoreCopyAsync(original, "wire", "EU ministers weigh a new sanctions package against Russia");

        using var article = JsonDocument.Parse(await serve.Client.GetStringAsync($"api/matches/{original}"));

        var also = Assert.Single(article.RootElement.GetProperty("alsoIn").EnumerateArray());
        Assert.Equal((copy, "wire"), (also.GetProperty("articleId").GetString(), also.GetProperty("feedId").GetString()));
    }

    /// <summary>Stores another outlet's copy of a stored article under a new id, feed and headline.</summary>
    private async Task<string> StoreCopyAsync(string articleId, string feedId, string title)
    {
        await using var services = deployment.BuildServices();
        var matches = services.GetRequiredService<Storage.MatchStore>();
        var stored = (await matches.GetArticleAsync(articleId))!;
        var url = new Uri($"https://{feedId}.example/story");
        var id = Feeds.ArticleId.FromCanonicalUrl(url);
        var seen = services.GetRequiredService<Storage.SeenArticleStore>();
        await seen.ClaimForQueueAsync(id, feedId, url, stored.DiscoveredAt, "copy");
        var path = await matches.SaveAsync(stored with { ArticleId = id, FeedId = feedId, Url = url, CanonicalUrl = url, Title = title });
        await seen.MarkProcessedAsync(id, Storage.SeenStatus.Matched, path);
        return id;
    }

    [Fact]
    public void ItListensOnLoopbackOnly()
        => Assert.True(IPAddress.IsLoopback(Dns.GetHostAddresses(serve.Url.Host)[0]) && serve.Url.Host == "localhost", serve.Url.ToString());

    private static HttpRequest Request(string path, string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        return context.Request;
    }

    /// <summary>Calls a function class as the Functions host would and serializes its result the way its JsonResult says.</summary>
    private async Task<(int Status, string Body)> CallFunctionAsync(Func<IServiceProvider, Task<IActionResult>> call)
    {
        await using var services = deployment.BuildServices();
        var result = await call(services);
        return result switch
        {
            JsonResult json => (json.StatusCode ?? 200, JsonSerializer.Serialize(json.Value, (JsonSerializerOptions)json.SerializerSettings!)),
            ObjectResult problem => (problem.StatusCode ?? 200, JsonSerializer.Serialize(problem.Value, JsonDefaults.Options)),
            _ => throw new InvalidOperationException($"unexpected result {result.GetType().Name}"),
        };
    }

    /// <summary>A relative period ("7d") ends at the moment each request was answered: the rest must be the same.</summary>
    private static string WithoutPeriod(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("from");
        node.Remove("to");
        return node.ToJsonString();
    }

    private static void AssertSameJson(string expected, string actual)
        => Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}\nactual   {actual}");
}
