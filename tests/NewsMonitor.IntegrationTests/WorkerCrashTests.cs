using System.Diagnostics;
using Azure;
using NewsMonitor.Storage;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// Fault 2: the <c>monitor run</c> process dies while it holds messages; the next run finishes its work once. It takes
/// over ten minutes: the queue listener receives with a fixed 10-minute lease that no setting shortens.
/// </summary>
[Collection(SharedAzurite.Name)]
[Trait("Category", "Reliability")]
public sealed class WorkerCrashTests(LocalEnvironment environment)
{
    [Fact]
    public async Task AfterTheWorkerIsKilledMidRunTheNextRunStoresEveryArticleOnce()
    {
        var news = new GeneratedNews(feeds: 2, itemsPerFeed: 40, pageDelay: TimeSpan.FromMilliseconds(700));
        await using var server = await LoopbackServer.StartAsync(news.Map);
        var deployment = environment.NewDeployment();
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

        // What the dead worker held stays invisible for the rest of the listener's fixed 10-minute lease (the Functions
        // host's too): the restart drains the rest at once and those when the lease ends.
        var restart = await deployment.RunCliAsync("run", "--once").WaitAsync(TimeSpan.FromMinutes(13));

        Assert.Equal(0, restart.ExitCode);
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
