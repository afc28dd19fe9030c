using System.Diagnostics;
using Azure;
using NewsMonitor.Cli.LocalHost;
using NewsMonitor.Storage;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// Fault 2: the <c>monitor run</c> process dies while it holds messages; the next run finishes its work once. What the
/// dead worker held comes back when the queue listener's fixed 10-minute lease ends (the Functions host's too): the test
/// moves its Azurite's clock past the lease rather than waiting ten minutes.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class WorkerCrashTests
{
    [Fact]
    public async Task AfterTheWorkerIsKilledMidRunTheNextRunStoresEveryArticleOnce()
    {
        var news = new GeneratedNews(feeds: 2, itemsPerFeed: 40, pageDelay: TimeSpan.FromMilliseconds(700));
        await using var server = await LoopbackServer.StartAsync(news.Map);
        using var clock = new AzuriteClock();
        await using var azurite = await AzuriteProcess.StartAsync(LocalEnvironment.RepositoryRoot, dataFolder: null, ports: null, TextWriter.Null, CancellationToken.None, clock.Environment);
        var deployment = new TestDeployment(azurite.ConnectionString, server.Url("/news/0"));
        await news.WriteFeedListAsync(deployment, server);
        var accounting = new ArticleAccounting(deployment.Storage);

        using (var worker = StartMonitorProcess(deployment, "run", "--once"))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!await HasFinishedAsync(accounting, 16))
            {
                Assert.False(worker.HasExited, "the worker finished before it could be killed");
                Assert.True(DateTime.UtcNow < deadline, "the worker processed nothing within 60 s");
                await Task.Delay(100);
            }

            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }

        var atCrash = await accounting.ReadAsync();
        Assert.True(atCrash.Pending > 0, $"nothing was in flight when the worker died: {atCrash}");

        // The restart waits for what the dead worker held: its drain counts the invisible messages too.
        var restart = deployment.RunCliAsync("run", "--once");
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.False(restart.IsCompleted, "the restart finished while the dead worker's messages were still leased");
        await clock.AdvanceAsync(TimeSpan.FromMinutes(10));
        var restarted = await restart.WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(0, restarted.ExitCode);
        await news.AssertEachArticleStoredOnceAsync(deployment);
    }

    /// <summary>The real <c>monitor</c> executable, configured through environment variables as a user would.</summary>
    private static Process StartMonitorProcess(TestDeployment deployment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = deployment.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "monitor.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in deployment.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<bool> HasFinishedAsync(ArticleAccounting accounting, int articles)
    {
        try
        {
            var account = await accounting.ReadAsync();
            return account.Matched + account.NotMatched >= articles;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }
}
