using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// A feed URL with <c>user:password@</c> and a <c>token=</c> in feeds.json: what the CLI prints about that feed — the
/// warning of a failed poll, the run summary, the feeds health table and JSON, a poison listing, a feed list refused —
/// shows it masked, and its password and token appear nowhere on stdout or stderr.
/// </summary>
[Collection(SharedAzurite.Name)]
[Trait("Category", "Reliability")]
public sealed class CredentialsInOutputTests(LocalEnvironment environment)
{
    private const string Password = "hunter2-e2e";
    private const string Token = "tok-9f1c4e";

    [Fact]
    public async Task AFeedUrlsPasswordAndTokenNeverAppearInWhatTheCliPrints()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/private", () => Results.StatusCode(401)));
        var deployment = environment.NewDeployment();
        var feedsPath = deployment.Settings["Monitor:FeedsPath"]!;
        var url = $"http://reader:{Password}@{server.BaseUrl.Authority}/private?token={Token}";
        await File.WriteAllTextAsync(feedsPath, JsonSerializer.Serialize(new { feeds = new[] { new { id = "private", url } } }));

        var run = await deployment.RunCliAsync("run", "--once");
        var results = new List<CliResult> { run, await deployment.RunCliAsync("feeds"), await deployment.RunCliAsync("feeds", "--format", "json") };
        await deployment.Storage.PoisonQueue(deployment.Storage.FeedsQueue).SendMessageAsync(JsonSerializer.Serialize(new { feedId = "private", url }));
        results.Add(await deployment.RunCliAsync("poison", "list"));
        results.Add(await deployment.RunCliAsync("poison", "list", "--format", "json"));
        await File.WriteAllTextAsync(feedsPath, JsonSerializer.Serialize(new { feeds = new[] { new { id = "private", url = url.Replace("http://", "ftp://", StringComparison.Ordinal) } } }));
        var refused = await deployment.RunCliAsync("run", "--once");
        results.Add(refused);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warn FeedPoller: Feed private (http://reader:***@", run.Error, StringComparison.Ordinal);
        Assert.Contains("?token=***", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("\"ftp://reader:***@", refused.Error, StringComparison.Ordinal);
        Assert.Contains("url=http://reader:***@", results[3].Output, StringComparison.Ordinal);
        Assert.All(results, result =>
        {
            Assert.DoesNotContain(Password, result.Output + result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, result.Output + result.Error, StringComparison.Ordinal);
        });
    }
}
