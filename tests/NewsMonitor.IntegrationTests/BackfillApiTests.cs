using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Backfill;
using NewsMonitor.Functions;
using NewsMonitor.Storage;
using NewsMonitor.Web.Api;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// <c>GET /api/backfills</c> and the running backfills in <c>GET /api/status</c> over <c>monitor serve</c>, on Azurite:
/// a figure added to the watchlist is seen being filled in, then found, with its matches marked as backfilled.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class BackfillApiTests(LocalEnvironment environment)
{
    [Fact]
    public async Task AnAddedFigureIsListedWhileItsHistoryIsFilledInAndItsMatchesAreMarkedOnceDone()
    {
        var now = DateTimeOffset.UtcNow;
        await using var scenario = await BackfillScenario.StartAsync(environment, now);
        await scenario.Services.GetRequiredService<BackfillRunner>().RunAsync(now.AddDays(-90), []);
        await scenario.WriteWatchlistAsync(BackfillScenario.WithNkosi);
        var planner = scenario.Services.GetRequiredService<BackfillPlanner>();
        var job = (await planner.PlanAutomaticAsync())!;
        await using var serve = await ServeHost.StartAsync(scenario.Deployment);

        var running = await GetJsonAsync(serve, "api/backfills");
        var status = await GetJsonAsync(serve, "api/status");
        var cli = await scenario.Deployment.RunCliAsync("backfill", "--status", "--format", "json");
        var function = await CallFunctionAsync(scenario, "?limit=20");

        var items = running.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([BackfillJob.Automatic, BackfillJob.Manual], items.Select(i => i.GetProperty("trigger").GetString()));
        var listed = items[0];
        Assert.Equal((job.Id, BackfillJob.Running, 0, job.BlocksTotal), (listed.GetProperty("id").GetString(), listed.GetProperty("state").GetString(), listed.GetProperty("blocksDone").GetInt32(), listed.GetProperty("blocksTotal").GetInt32()));
        Assert.True(job.BlocksTotal > 0);
        var nkosi = Assert.Single(listed.GetProperty("entities").EnumerateArray());
        Assert.Equal(("graham-nkosi", "Graham Nkosi", "added", 0), (nkosi.GetProperty("id").GetString(), nkosi.GetProperty("name").GetString(), nkosi.GetProperty("change").GetString(), nkosi.GetProperty("added").GetInt32()));
        Assert.All(items[1].GetProperty("entities").EnumerateArray(), e => Assert.Equal("changed", e.GetProperty("change").GetString()));
        Assert.Equal((1, "[\"graham-nkosi\"]"), (status.GetProperty("backfills").GetProperty("jobs").GetInt32(), status.GetProperty("backfills").GetProperty("entities").GetRawText()));
        AssertSameJson(running.GetProperty("items").GetRawText(), cli.Output);
        AssertSameJson(running.GetRawText(), function.Body);

        var backfiller = scenario.Services.GetRequiredService<BlockBackfiller>();
        foreach (var block in await planner.BlocksOfAsync(job, edge: true))
        {
            await backfiller.ApplyAsync(new BackfillMessage(job.Id, block.Name, ["graham-nkosi"]));
        }

        var done = (await GetJsonAsync(serve, "api/backfills?limit=1")).GetProperty("items").EnumerateArray().Single();
        var after = await GetJsonAsync(serve, "api/status");
        var matches = await GetJsonAsync(serve, "api/matches?entity=graham-nkosi&from=30d");
        Assert.Equal((BackfillJob.Done, job.BlocksTotal, 3), (done.GetProperty("state").GetString(), done.GetProperty("blocksDone").GetInt32(), done.GetProperty("added").GetInt32()));
        Assert.Equal(0, after.GetProperty("backfills").GetProperty("jobs").GetInt32());
        Assert.Equal(3, matches.GetProperty("items").GetArrayLength());
        Assert.All(matches.GetProperty("items").EnumerateArray(), m => Assert.True(m.GetProperty("backfilled").GetBoolean()));
    }

    public static TheoryData<string, string> BadLimits => new()
    {
        { "?limit=0", "\"0\"" },
        { "?limit=1001", "\"1001\"" },
        { "?limit=ten", "\"ten\"" },
        { "?limit=-5", "\"-5\"" },
    };

    [Theory]
    [MemberData(nameof(BadLimits))]
    public async Task ABadLimitIsAProblemNamingItAsTheFunctionsTriggerAnswers(string query, string named)
    {
        await using var scenario = await BackfillScenario.StartAsync(environment, DateTimeOffset.UtcNow, processBodies: false);
        await using var serve = await ServeHost.StartAsync(scenario.Deployment);

        using var response = await serve.Client.GetAsync("api/backfills" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.StartsWith($"limit: {named} must be a whole number from 1 to 1000", detail, StringComparison.Ordinal);
        var function = await CallFunctionAsync(scenario, query);
        Assert.Equal(400, function.Status);
        Assert.Equal(detail, JsonDocument.Parse(function.Body).RootElement.GetProperty("detail").GetString());
    }

    private static async Task<JsonElement> GetJsonAsync(ServeHost serve, string path)
    {
        using var response = await serve.Client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>The Functions class called as its host would, its result serialized as its JsonResult says.</summary>
    private static async Task<(int Status, string Body)> CallFunctionAsync(BackfillScenario scenario, string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/api/backfills";
        context.Request.QueryString = new QueryString(query);
        var result = await new BackfillsApi(scenario.Services.GetRequiredService<BackfillsEndpoint>()).Run(context.Request, CancellationToken.None);
        return result switch
        {
            JsonResult json => (json.StatusCode ?? 200, JsonSerializer.Serialize(json.Value, (JsonSerializerOptions)json.SerializerSettings!)),
            ObjectResult problem => (problem.StatusCode ?? 200, JsonSerializer.Serialize(problem.Value, JsonDefaults.Options)),
            _ => throw new InvalidOperationException($"unexpected result {result.GetType().Name}"),
        };
    }

    private static void AssertSameJson(string expected, string actual)
        => Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}\nactual   {actual}");
}
