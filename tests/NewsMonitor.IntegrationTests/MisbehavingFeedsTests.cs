using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsMonitor.Storage;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// Feed servers on loopback that misbehave in every way seen in the wild, polled in one run with a healthy feed: each
/// ends in a recorded feed state, none stalls the others, and every new item is accounted for.
/// </summary>
[Collection(SharedAzurite.Name)]
[Trait("Category", "Reliability")]
public sealed class MisbehavingFeedsTests(LocalEnvironment environment)
{
    public static TheoryData<string, string> Failures => new()
    {
        { "server-error", "500" },
        { "unavailable", "503" },
        { "throttled", "429" },
        { "reset", "" },
        { "hangs", "no complete answer within 2 s" },
        { "trickles", "no complete answer within 2 s" },
        { "endless", "over the 1048576-byte limit" },
        { "redirect-loop", "302" },
        { "gzip-bomb", "over the 1048576-byte limit" },
        { "html", "not a readable feed" },
    };

    [Fact]
    public async Task EveryBadFeedIsRecordedAndTheGoodOneFlows()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/server-error", () => Results.StatusCode(500));
            app.MapGet("/unavailable", (HttpContext c) => { c.Response.Headers.RetryAfter = "120"; return Results.StatusCode(503); });
            app.MapGet("/throttled", (HttpContext c) => { c.Response.Headers.RetryAfter = "120"; return Results.StatusCode(429); });
            app.MapGet("/reset", (HttpContext c) => { c.Abort(); return Task.CompletedTask; });
            app.MapGet("/hangs", async (HttpContext c) => await Task.Delay(TimeSpan.FromSeconds(30), c.RequestAborted));
            app.MapGet("/trickles", async (HttpContext c) =>
            {
                c.Response.ContentType = "application/rss+xml";
                for (var i = 0; i < 30 && !c.RequestAborted.IsCancellationRequested; i++)
                {
                    await c.Response.Body.WriteAsync("<"u8.ToArray(), c.RequestAborted);
                    await c.Response.Body.FlushAsync(c.RequestAborted);
                    await Task.Delay(1000, c.RequestAborted);
                }
            });
            app.MapGet("/endless", async (HttpContext c) =>
            {
                c.Response.ContentType = "application/rss+xml";
                var chunk = new byte[64 * 1024];
                while (!c.RequestAborted.IsCancellationRequested)
                {
                    await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
                }
            });
            app.MapGet("/redirect-loop", () => Results.Redirect("/redirect-loop"));
            app.MapGet("/gzip-bomb", async (HttpContext c) =>
            {
                c.Response.Headers.ContentEncoding = "gzip";
                c.Response.ContentType = "application/rss+xml";
                await c.Response.Body.WriteAsync(GzipOfZeros(64 * 1024 * 1024), c.RequestAborted);
            });
            app.MapGet("/html", () => Results.Content("<html><body>Welcome</body></html>", "text/html"));
        });
        var deployment = environment.NewDeployment();
        deployment.Settings["Monitor:Http:Timeout"] = "00:00:02";
        deployment.Settings["Monitor:Http:MaxResponseBytes"] = "1048576";

        // Every server here is 127.0.0.1: per-host politeness would queue the good feed behind the hanging ones.
        deployment.Settings["Monitor:Http:MaxConcurrentPerHost"] = "32";
        var feeds = Failures.Select(row => (string)row[0]).Select(name => $$"""{"id":"{{name}}","url":"{{server.Url("/" + name)}}"}""").Append($$"""{"id":"demo","url":"{{environment.FeedUrl}}"}""");
        await File.WriteAllTextAsync(deployment.Settings["Monitor:FeedsPath"]!, $$"""{"feeds":[{{string.Join(',', feeds)}}]}""");

        var run = await deployment.RunCliAsync("run", "--once");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"feeds polled: {Failures.Count + 1} (0 not modified, {Failures.Count} failed)", run.Output, StringComparison.Ordinal);
        Assert.Contains($"accounting: 10 seen = 6 matched + 4 not matched + 0 duplicate + 0 poison + 0 still queued{Environment.NewLine}", run.Output, StringComparison.Ordinal);
        var states = await new FeedStateStore(deployment.Storage).GetAllAsync();
        foreach (var row in Failures)
        {
            var state = states[(string)row[0]];
            Assert.Equal(1, state.ConsecutiveFailures);
            Assert.Contains((string)row[1], state.LastError, StringComparison.Ordinal);
            Assert.True(state.NextPollAt > state.LastPolledAt, $"{row[0]} has no next attempt");
        }
    }

    [Fact]
    public async Task AServerThatChangesItsETagEveryTimeEnqueuesNothingTheSecondTime()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", (HttpContext c) =>
        {
            c.Response.Headers.ETag = $"\"{Guid.NewGuid():N}\"";
            return LoopbackServer.Rss();
        }));
        var deployment = environment.NewDeployment();
        await File.WriteAllTextAsync(deployment.Settings["Monitor:FeedsPath"]!, $$"""{"feeds":[{"id":"fickle","url":"{{server.Url("/feed")}}"}]}""");

        await deployment.RunCliAsync("run", "--once");
        var second = await deployment.RunCliAsync("run", "--once");

        Assert.Contains("feeds polled: 1 (1 not modified, 0 failed)", second.Output, StringComparison.Ordinal);
        Assert.Contains("items new: 0", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostilePagesFallBackToTheFeedSummaryInBoundedTime()
    {
        var nested = string.Concat(Enumerable.Repeat("<div>", 100_000)) + "Putin" + string.Concat(Enumerable.Repeat("</div>", 100_000));
        var huge = "<html><body><p>" + new string('x', 50 * 1024 * 1024) + "</p></body></html>";
        var line = "<html><body><p>" + string.Concat(Enumerable.Repeat("Vladimir Putin spoke again today ", 160_000)) + "</p></body></html>";
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/feed", () => LoopbackServer.Rss(string.Join(string.Empty, new[] { "nested", "huge", "line", "invalid" }.Select(n => $"<item><title>Putin story {n}</title><link>/{n}</link><description>Vladimir Putin spoke.</description></item>"))));
            app.MapGet("/nested", () => Results.Content(nested, "text/html"));
            app.MapGet("/huge", () => Results.Content(huge, "text/html"));
            app.MapGet("/line", () => Results.Content(line, "text/html"));
            app.MapGet("/invalid", () => Results.Bytes([.. "<html><body><p>Vladimir Putin "u8, 0xC3, 0x28, 0xFF, 0xFE, .. " spoke.</p></body></html>"u8], "text/html; charset=utf-8"));
        });
        var deployment = environment.NewDeployment();
        await File.WriteAllTextAsync(deployment.Settings["Monitor:FeedsPath"]!, $$"""{"feeds":[{"id":"hostile","url":"{{server.Url("/feed")}}"}]}""");

        var run = await deployment.RunCliAsync("run", "--once");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"accounting: 4 seen = 4 matched + 0 not matched + 0 duplicate + 0 poison + 0 still queued{Environment.NewLine}", run.Output, StringComparison.Ordinal);
    }

    private static byte[] GzipOfZeros(int size)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var written = 0; written < size; written += zeros.Length)
            {
                gzip.Write(zeros);
            }
        }

        return compressed.ToArray();
    }
}
