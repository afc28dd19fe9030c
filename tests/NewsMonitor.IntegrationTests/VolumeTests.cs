using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Articles;
using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.IntegrationTests;

/// <summary><c>GET /api/entities/{id}/volume</c> and <c>monitor volume</c> over hour rows written as matches were stored.</summary>
[Collection(SharedAzurite.Name)]
public sealed class VolumeTests(LocalEnvironment environment)
{
    [Fact]
    public async Task MonitorVolumeCountsTheStoredMatchesAsJsonCsvAndAChart()
    {
        var deployment = await DeploymentWithMatchesAsync();

        var json = await deployment.RunCliAsync("volume", "vladimir-putin", "--format", "json");
        var csv = await deployment.RunCliAsync("volume", "vladimir-putin", "--bucket", "hour", "--since", "3h", "--format", "csv");
        var chart = await deployment.RunCliAsync("volume", "vladimir-putin");
        var hours = await deployment.RunCliAsync("volume", "vladimir-putin", "--bucket", "hour", "--since", "3d");

        using var series = JsonDocument.Parse(json.Output);
        Assert.Equal((5, "day", "UTC", 15), (series.RootElement.GetProperty("total").GetInt32(), series.RootElement.GetProperty("bucket").GetString(), series.RootElement.GetProperty("timeZone").GetString(), series.RootElement.GetProperty("buckets").GetArrayLength()));
        var rows = csv.Output.TrimEnd().Split('\n');
        Assert.Equal("start,count", rows[0]);
        Assert.Equal(5, rows.Length);
        Assert.EndsWith(",3", rows[^1], StringComparison.Ordinal);
        Assert.Contains("vladimir-putin (Vladimir Putin): 5 matched article(s) per UTC day", chart.Output, StringComparison.Ordinal);
        Assert.Contains("█", chart.Output, StringComparison.Ordinal);
        Assert.Contains("5 matched article(s) per UTC hour", hours.Output, StringComparison.Ordinal);
        Assert.Contains("█", hours.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nobody", "", 1, "monitor volume: entity: \"nobody\" is not a figure, topic or alert of the watchlist; monitor entities lists them")]
    [InlineData("vladimir-putin", "week", 2, "monitor volume: --bucket: \"week\" is not hour or day")]
    public async Task AnUnknownEntityOrBadOptionIsAnErrorNamingIt(string entity, string bucket, int exitCode, string expected)
    {
        var deployment = environment.NewDeployment();

        var result = bucket.Length == 0 ? await deployment.RunCliAsync("volume", entity) : await deployment.RunCliAsync("volume", entity, "--bucket", bucket);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(expected, result.Error.Trim());
    }

    [Fact]
    public async Task TheVolumeApiAnswersWithBucketsAndNamesABadParameter()
    {
        var deployment = await DeploymentWithMatchesAsync();
        await using var serve = await ServeHost.StartAsync(deployment);

        using var hourly = JsonDocument.Parse(await serve.Client.GetStringAsync("api/entities/vladimir-putin/volume?bucket=hour&from=3h"));
        using var badBucket = await serve.Client.GetAsync("api/entities/vladimir-putin/volume?bucket=week");
        using var tooLong = await serve.Client.GetAsync("api/entities/vladimir-putin/volume?bucket=hour&from=60d");
        using var unknown = await serve.Client.GetAsync("api/entities/nobody/volume");

        Assert.Equal(3, hourly.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(3, hourly.RootElement.GetProperty("buckets").EnumerateArray().Last().GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, badBucket.StatusCode);
        Assert.Contains("bucket: \\\"week\\\" is not hour or day", await badBucket.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("from: at most 31 days of hours", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Three matches of Putin now and two two days ago, stored as the article stage stores them.</summary>
    private async Task<TestDeployment> DeploymentWithMatchesAsync()
    {
        var deployment = environment.NewDeployment();
        await deployment.Storage.EnsureCreatedAsync();
        await using var services = deployment.BuildServices();
        var store = services.GetRequiredService<MatchStore>();
        var now = DateTimeOffset.UtcNow;
        foreach (var (at, i) in new[] { now, now, now, now.AddDays(-2), now.AddDays(-2) }.Select((t, i) => (t, i)))
        {
            var url = new Uri($"https://news.example.org/volume-{i}");
            var entities = new[] { new EntityMatch("vladimir-putin", EntityKind.Figure, "Vladimir Putin", 1, 0.9) };
            await store.SaveAsync(new StoredArticle(ArticleId.FromCanonicalUrl(CanonicalUrl.Normalize(url)), "wire", url, url, $"Story {i}", at, at, at, TextOrigin.Feed, null, "en", "Vladimir Putin spoke.", "v1", entities, []));
        }

        return deployment;
    }
}
