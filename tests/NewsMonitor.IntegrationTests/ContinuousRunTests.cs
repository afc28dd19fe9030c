namespace NewsMonitor.IntegrationTests;

/// <summary><c>monitor run</c> without <c>--once</c>: the timers fire on their NCRONTAB schedules and the queue listeners do the rest.</summary>
[Collection(SharedAzurite.Name)]
public sealed class ContinuousRunTests(LocalEnvironment environment)
{
    [Fact]
    public async Task TimersAndQueueListenersProcessTheDemoFeedUntilStopped()
    {
        var deployment = environment.NewDeployment();
        deployment.Settings["PollSchedule"] = "*/1 * * * * *";
        deployment.Settings["DigestSchedule"] = "*/2 * * * * *";
        using var stop = new CancellationTokenSource();

        var run = deployment.RunCliAsync(stop.Token, "run");
        var stored = 0;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (stored < 6 && DateTime.UtcNow < deadline && !run.IsCompleted)
        {
            await Task.Delay(250);
            stored = await deployment.Storage.Matches.ExistsAsync() ? (await deployment.MatchedBlobPathsAsync()).Count : 0;
        }

        await stop.CancelAsync();
        var result = await run;

        Assert.Equal(6, stored);
        Assert.Equal(0, result.ExitCode);
    }
}
