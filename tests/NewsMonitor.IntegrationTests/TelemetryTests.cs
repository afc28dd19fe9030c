using NewsMonitor.Storage;
using NewsMonitor.Telemetry;

namespace NewsMonitor.IntegrationTests;

/// <summary>The pipeline's metrics, as <c>monitor run --verbose</c> prints them, agree with what storage says the run did.</summary>
[Collection(SharedAzurite.Name)]
public sealed class TelemetryTests(LocalEnvironment environment)
{
    [Fact]
    public async Task RunOnceVerbosePrintsTheMetersCountsOfWhatTheRunStored()
    {
        var deployment = environment.NewDeployment();

        var run = await deployment.RunCliAsync("run", "--once", "--verbose");

        Assert.Equal(0, run.ExitCode);
        var account = await new ArticleAccounting(deployment.Storage).ReadAsync();
        Assert.True(account.Matched > 0);
        Assert.Contains($"{PipelineMetrics.ArticlesMatchedName}: {account.Matched}{Environment.NewLine}", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{PipelineMetrics.ArticlesProcessedName} outcome=matched: {account.Matched}{Environment.NewLine}", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{PipelineMetrics.MatchLatencyName}: {account.Matched} matches, median ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Metrics (meter", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnceWithoutVerbosePrintsNoMetrics()
    {
        var deployment = environment.NewDeployment();

        var run = await deployment.RunCliAsync("run", "--once");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("Metrics (meter", run.Output + run.Error, StringComparison.Ordinal);
    }
}
