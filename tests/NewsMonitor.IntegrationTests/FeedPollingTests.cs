using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Http;
using NewsMonitor.Ingestion;
using NewsMonitor.Storage;

namespace NewsMonitor.IntegrationTests;

/// <summary>How a poll reads a feed server's signals and failures into FeedState, against real servers on loopback.</summary>
[Collection(SharedAzurite.Name)]
public sealed class FeedPollingTests(LocalEnvironment environment)
{
    private static readonly TimeSpan Slack = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData("max-age=3600", 60)]
    [InlineData("max-age=10", 5)]
    [InlineData("max-age=604800", 360)]
    public async Task CacheControlSetsTheNextPollWithinTheLimits(string cacheControl, int expectedMinutes)
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = cacheControl;
            return LoopbackServer.Rss();
        }));

        var (state, outcome) = await PollAsync(server.Url("/feed"));

        Assert.Null(outcome.Error);
        AssertNextPollIn(state, TimeSpan.FromMinutes(expectedMinutes));
    }

    [Fact]
    public async Task TheFeedsOwnTtlOutranksCacheControl()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "max-age=600";
            return LoopbackServer.Rss("<ttl>90</ttl><item><title>One</title><link>https://example.org/one</link></item>");
        }));

        var (state, _) = await PollAsync(server.Url("/feed"));

        AssertNextPollIn(state, TimeSpan.FromMinutes(90));
        Assert.Equal(5400, state.UpdateIntervalSeconds);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task RetryAfterDecidesTheNextAttempt(int status)
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", (HttpContext context) =>
        {
            context.Response.Headers.RetryAfter = "1800";
            return Results.StatusCode(status);
        }));

        var (state, outcome) = await PollAsync(server.Url("/feed"));

        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Error, StringComparison.Ordinal);
        Assert.Equal(1, state.ConsecutiveFailures);
        AssertNextPollIn(state, TimeSpan.FromMinutes(30));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task APermanentFailureBacksOffHarderThanATransientOne()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/gone", () => Results.StatusCode(410));
            app.MapGet("/broken", () => Results.StatusCode(500));
        });

        var (gone, _) = await PollAsync(server.Url("/gone"));
        var (broken, _) = await PollAsync(server.Url("/broken"));

        Assert.True(gone.NextPollAt > broken.NextPollAt, $"410 next poll {gone.NextPollAt} should be later than 500's {broken.NextPollAt}");
        Assert.Equal(1, gone.ConsecutiveFailures);
        Assert.Contains("410", gone.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnHtmlPageInsteadOfAFeedIsRecordedWithAClearError()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", () => Results.Content("<html><body><h1>Welcome</h1></body></html>", "text/html")));

        var (state, outcome) = await PollAsync(server.Url("/feed"));

        Assert.Contains("not a readable feed", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(outcome.Error, state.LastError);
    }

    [Fact]
    public async Task AGatewayErrorIsRetriedWithinThePoll()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", () => Interlocked.Increment(ref calls) == 1 ? Results.StatusCode(502) : LoopbackServer.Rss()));

        var (state, outcome) = await PollAsync(server.Url("/feed"));

        Assert.Null(outcome.Error);
        Assert.Equal(1, outcome.NewItems);
        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Equal(2, server.Requests.Count);
    }

    /// <remarks>
    /// The gate spaces the moments requests leave this process (<c>HostPolitenessTests</c> checks each wait on a clock moved
    /// by hand). Arrival times at the server are not checked: a machine that stalls one request in transit makes two
    /// arrive together however far apart they were sent. The whole batch cannot end sooner than its last start.
    /// </remarks>
    [Fact]
    public async Task RequestsToOneHostAreSpacedByTheMinimumInterval()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/page/{n}", (int n) => Results.Text($"page {n}")));
        var deployment = environment.NewDeployment();
        deployment.Settings["Monitor:Http:MinIntervalPerHost"] = "00:00:00.300";
        await using var services = deployment.BuildServices();
        var fetcher = services.GetRequiredService<HttpFetcher>();

        var started = TimeProvider.System.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(n => fetcher.GetAsync(HttpClientNames.Pages, server.Url($"/page/{n}"), null, null)));
        var took = TimeProvider.System.GetElapsedTime(started);

        Assert.Equal(3, server.Requests.Count);
        Assert.True(took >= TimeSpan.FromMilliseconds(590), $"three requests to one host took {took.TotalMilliseconds:0} ms; two intervals of 300 ms are 600");
    }

    [Theory]
    [Trait("Category", "Reliability")]
    [InlineData("http://127.0.0.1:{port}/feed")]
    [InlineData("http://localhost:{port}/feed")]
    [InlineData("http://[::1]:{port}/feed")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/feed")]
    [InlineData("http://10.0.0.1/feed")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    public async Task PrivateAddressesAreRefusedUnlessAllowed(string template)
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", () => LoopbackServer.Rss()));
        var deployment = environment.NewDeployment();
        deployment.Settings["Monitor:Http:AllowPrivateNetworks"] = "false";
        await using var services = deployment.BuildServices();
        var url = new Uri(template.Replace("{port}", server.BaseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => services.GetRequiredService<HttpFetcher>().GetAsync(HttpClientNames.Feeds, url, null, null));

        Assert.Contains("Refused to connect", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task ARequestWaitingBehindAHangingOneAtTheSameHostGetsItsWholeTimeout()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/hang", async (CancellationToken cancellationToken) => await Task.Delay(Timeout.Infinite, cancellationToken));
            app.MapGet("/feed", async () =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(600));
                return LoopbackServer.Rss();
            });
        });
        var deployment = environment.NewDeployment();
        deployment.Settings["Monitor:Http:MaxConcurrentPerHost"] = "1";
        // Two seconds, so the feed's 0.6 s answer has room on a loaded machine; a timeout counted from the queue would still
        // expire before it, since the hanging request holds the slot for all of its two.
        deployment.Settings["Monitor:Http:Timeout"] = "00:00:02";
        await using var services = deployment.BuildServices();
        var fetcher = services.GetRequiredService<HttpFetcher>();

        // The hanging request holds the host's only slot for its full timeout; the feed's timeout starts after it.
        var hanging = fetcher.GetAsync(HttpClientNames.Feeds, server.Url("/hang"), null, null);
        await Task.Delay(100);
        var feed = await fetcher.GetAsync(HttpClientNames.Feeds, server.Url("/feed"), null, null);

        Assert.Equal(HttpStatusCode.OK, feed.Status);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hanging);
        Assert.Contains("no complete answer within 2 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonitorFeedsShowsEachFeedsHealth()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", () => Results.StatusCode(404)));
        var deployment = environment.NewDeployment();
        await File.WriteAllTextAsync(deployment.Settings["Monitor:FeedsPath"]!, $$"""{"feeds":[{"id":"dead","url":"{{server.Url("/feed")}}"},{"id":"fresh","url":"{{server.Url("/other")}}"}]}""");
        await deployment.Storage.EnsureCreatedAsync();
        await using (var services = deployment.BuildServices())
        {
            await services.GetRequiredService<FeedPoller>().PollAsync(new FeedMessage("dead", server.Url("/feed"), DateTimeOffset.UtcNow));
        }

        var run = await deployment.RunCliAsync("feeds");

        Assert.Equal(0, run.ExitCode);
        var dead = run.Output.Split('\n').Single(l => l.StartsWith("dead", StringComparison.Ordinal));
        Assert.Contains("failing", dead, StringComparison.Ordinal);
        Assert.Contains("404", dead, StringComparison.Ordinal);
        Assert.Contains("never polled", run.Output.Split('\n').Single(l => l.StartsWith("fresh", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    private async Task<(FeedState State, PollOutcome Outcome)> PollAsync(Uri url)
    {
        var deployment = environment.NewDeployment();
        await deployment.Storage.EnsureCreatedAsync();
        await using var services = deployment.BuildServices();
        var outcome = await services.GetRequiredService<FeedPoller>().PollAsync(new FeedMessage("feed", url, DateTimeOffset.UtcNow));
        var state = await new FeedStateStore(deployment.Storage).GetAsync("feed");
        return (state!, outcome);
    }

    private static void AssertNextPollIn(FeedState state, TimeSpan expected)
    {
        var actual = state.NextPollAt!.Value - state.LastPolledAt!.Value;
        Assert.InRange(actual, expected - Slack, expected + Slack);
    }
}
