using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Configuration;

namespace NewsMonitor.IntegrationTests;

/// <summary><c>monitor config push</c> and a monitor that reads its configuration from a blob container.</summary>
[Collection(SharedAzurite.Name)]
public sealed class ConfigInStorageTests(LocalEnvironment environment)
{
    [Fact]
    public async Task PushedConfigurationRunsThePipelineAndChangesAreSeenWithoutARestart()
    {
        var deployment = environment.NewDeployment();
        await deployment.Storage.EnsureCreatedAsync();

        var push = await deployment.RunCliAsync("config", "push");
        deployment.Settings["Monitor:ConfigContainer"] = "config";
        deployment.Settings["Monitor:ConfigRefreshInterval"] = "00:00:01";
        var run = await deployment.RunCliAsync("run", "--once");

        Assert.Equal(0, push.ExitCode);
        Assert.Contains("-> ", push.Output, StringComparison.Ordinal);
        Assert.Contains("articles processed: 10, matched: 6", run.Output, StringComparison.Ordinal);

        await using var services = deployment.BuildServices();
        var configuration = services.GetRequiredService<MonitorConfiguration>();
        var before = await configuration.GetMatcherAsync();
        await deployment.Storage.ConfigContainer("config").GetBlobClient("watchlist.json").UploadAsync(BinaryData.FromString("""{"figures":[{"id":"only","name":"Only One"}]}"""), overwrite: true);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var after = await configuration.GetMatcherAsync();

        Assert.Equal(19, before.Watchlist.Figures.Count);
        Assert.Equal("only", Assert.Single(after.Watchlist.Figures).Id);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task AnInstanceStartingAfterABadUploadRunsOnTheLastGoodWatchlist()
    {
        var deployment = environment.NewDeployment();
        await deployment.Storage.EnsureCreatedAsync();
        await deployment.RunCliAsync("config", "push");
        deployment.Settings["Monitor:ConfigContainer"] = "config";
        await using (var first = deployment.BuildServices())
        {
            await first.GetRequiredService<MonitorConfiguration>().GetMatcherAsync();
        }

        await deployment.Storage.ConfigContainer("config").GetBlobClient("watchlist.json").UploadAsync(BinaryData.FromString("""{"figures":[{"id":"x"}]}"""), overwrite: true);
        await using var coldStart = deployment.BuildServices();
        var configuration = coldStart.GetRequiredService<MonitorConfiguration>();
        var matcher = await configuration.GetMatcherAsync();

        Assert.Equal(19, matcher.Watchlist.Figures.Count);
        var problem = Assert.Single(configuration.Problems);
        Assert.NotNull(problem.InUseSince);
        Assert.Contains("figures[0] (x).name: missing", problem.Problems);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task WithNoGoodVersionEverStoredWorkWaitsForTheFix()
    {
        var deployment = environment.NewDeployment();
        await deployment.Storage.EnsureCreatedAsync();
        var container = deployment.Storage.ConfigContainer("config");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient("watchlist.json").UploadAsync(BinaryData.FromString("""{"figures":[{"id":"x"}]}"""));
        deployment.Settings["Monitor:ConfigContainer"] = "config";
        await using var services = deployment.BuildServices();

        var error = await Assert.ThrowsAsync<ConfigurationUnavailableException>(() => services.GetRequiredService<MonitorConfiguration>().GetMatcherAsync());

        Assert.Null(error.Problem.InUseSince);
        Assert.Contains("no valid version yet", error.Problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrokenWatchlistIsNotPushed()
    {
        var deployment = environment.NewDeployment();
        await deployment.Storage.EnsureCreatedAsync();
        var broken = Path.Combine(deployment.Folder, "watchlist.json");
        await File.WriteAllTextAsync(broken, """{"topics":[{"id":"x","query":"(a OR"}]}""");
        deployment.Settings["Monitor:WatchlistPath"] = broken;

        var push = await deployment.RunCliAsync("config", "push");

        Assert.Equal(1, push.ExitCode);
        Assert.Contains("topics[0] (x).query", push.Error, StringComparison.Ordinal);
        Assert.False(await deployment.Storage.ConfigContainer("config").ExistsAsync());
    }

    [Fact]
    public async Task ASubscriptionNamingAnUntrackedEntityIsNotPushed()
    {
        var deployment = environment.NewDeployment();
        await deployment.Storage.EnsureCreatedAsync();
        var subscriptions = Path.Combine(deployment.Folder, "subscriptions.json");
        await File.WriteAllTextAsync(subscriptions, """{"subscriptions":[{"id":"desk","name":"Desk","entities":["vladmir-putin"]}]}""");
        deployment.Settings["Monitor:SubscriptionsPath"] = subscriptions;

        var push = await deployment.RunCliAsync("config", "push");

        Assert.Equal(1, push.ExitCode);
        Assert.Contains("subscriptions[0] (desk).entities: \"vladmir-putin\" is not an entity on the watchlist — did you mean \"vladimir-putin\"?", push.Error, StringComparison.Ordinal);
        Assert.False(await deployment.Storage.ConfigContainer("config").ExistsAsync());
    }

    [Fact]
    public async Task AMissingConfigurationBlobIsAClearError()
    {
        var deployment = environment.NewDeployment();
        await deployment.Storage.EnsureCreatedAsync();
        deployment.Settings["Monitor:ConfigContainer"] = "config";

        var run = await deployment.RunCliAsync("run", "--once");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("feeds.json: no such blob", run.Error, StringComparison.Ordinal);
        Assert.Contains("monitor config push", run.Error, StringComparison.Ordinal);
    }
}
