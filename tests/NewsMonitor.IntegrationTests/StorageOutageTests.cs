using System.Text.RegularExpressions;
using Azure;
using NewsMonitor.Cli.LocalHost;
using NewsMonitor.Storage;

namespace NewsMonitor.IntegrationTests;

/// <summary>Fault 1: the storage account goes away in the middle of a run and comes back with the same data.</summary>
[Trait("Category", "Reliability")]
public sealed class StorageOutageTests
{
    [Fact]
    public async Task ARunSurvivesAzuriteStoppingAndRestartingOnTheSameData()
    {
        var news = new GeneratedNews(feeds: 3, itemsPerFeed: 40, pageDelay: TimeSpan.FromMilliseconds(400));
        await using var server = await LoopbackServer.StartAsync(news.Map);
        var data = Path.Combine(Path.GetTempPath(), "newsmonitor-tests", "azurite-" + Guid.NewGuid().ToString("N")[..8]);
        using var clock = new AzuriteClock();
        var (azurite, ports) = await StartOutsideTheEphemeralRangeAsync(data, clock);
        try
        {
            var deployment = new TestDeployment(azurite.ConnectionString, server.Url("/news/0"));
            await news.WriteFeedListAsync(deployment, server);
            var accounting = new ArticleAccounting(deployment.Storage);

            var run = deployment.RunCliAsync("run", "--once");
            await WaitUntilAsync(async () => (await accounting.ReadAsync()).Matched >= 10, TimeSpan.FromSeconds(60));
            Assert.False(run.IsCompleted, "the run finished before the outage");
            await azurite.DisposeAsync();

            // Longer than the SDK's own retries (table calls give up after about 6 s, queue calls after about 23 s), so
            // handlers fail and their messages cannot even be released: they come back when the listener's fixed
            // 10-minute lease ends, which the test lets pass on Azurite's clock.
            await Task.Delay(TimeSpan.FromSeconds(30));
            azurite = await AzuriteProcess.StartAsync(LocalEnvironment.RepositoryRoot, data, ports, TextWriter.Null, CancellationToken.None, clock.Environment);
            await clock.AdvanceAsync(TimeSpan.FromMinutes(10));
            var result = await run.WaitAsync(TimeSpan.FromMinutes(3));

            Assert.True(result.ExitCode == 0, result.Output);

            // The outage reached the handlers: a handler failed (retried later), was deferred rather than spending an
            // attempt, or finished its work and could not delete its message (handled again, stored once).
            Assert.True(Regex.IsMatch(result.Output, "failed attempts: [1-9]|deferred: [1-9]|[1-9][0-9]* acknowledgements failed"), result.Output);

            await news.AssertEachArticleStoredOnceAsync(deployment);
        }
        finally
        {
            await azurite.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>
    /// Azurite on ports below Linux's ephemeral range (32768–60999), so that while it is down no server started with
    /// port 0 by another test can take its ports and keep it from coming back.
    /// </summary>
    private static async Task<(AzuriteProcess Azurite, (int, int, int) Ports)> StartOutsideTheEphemeralRangeAsync(string data, AzuriteClock clock)
    {
        for (var attempt = 1; ; attempt++)
        {
            var first = Random.Shared.Next(20_000, 30_000);
            var ports = (first, first + 1, first + 2);
            try
            {
                return (await AzuriteProcess.StartAsync(LocalEnvironment.RepositoryRoot, data, ports, TextWriter.Null, CancellationToken.None, clock.Environment), ports);
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
                // Taken: try other ports.
            }
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await TryAsync(condition))
        {
            Assert.True(DateTime.UtcNow < deadline, $"not reached within {timeout}");
            await Task.Delay(100);
        }
    }

    /// <summary>False while the run has not created its tables yet.</summary>
    private static async Task<bool> TryAsync(Func<Task<bool>> condition)
    {
        try
        {
            return await condition();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }
}
