using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Cli;
using NewsMonitor.Storage;
using NewsMonitor.Web;
using NewsMonitor.Web.Security;

namespace NewsMonitor.IntegrationTests;

/// <summary>One isolated deployment: a storage prefix of its own, the seed watchlist, and the demo feed.</summary>
public sealed class TestDeployment
{
    /// <param name="connectionString">The Azurite to use.</param>
    /// <param name="feedUrl">The one feed of the feed list; tests that need others rewrite the file.</param>
    internal TestDeployment(string connectionString, Uri feedUrl)
    {
        Prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        var folder = Path.Combine(Path.GetTempPath(), "newsmonitor-tests", Prefix);
        Directory.CreateDirectory(folder);
        var feedsPath = Path.Combine(folder, "feeds.json");
        File.WriteAllText(feedsPath, JsonSerializer.Serialize(new { feeds = new[] { new { id = "demo", name = "Demo", url = feedUrl } } }));
        Folder = folder;
        Settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Monitor:StoragePrefix"] = Prefix,
            ["Monitor:FeedsPath"] = feedsPath,
            ["Monitor:WatchlistPath"] = Path.Combine(LocalEnvironment.RepositoryRoot, "seeds", "watchlist.json"),
            ["Monitor:SubscriptionsPath"] = Path.Combine(LocalEnvironment.RepositoryRoot, "seeds", "subscriptions.json"),
            ["Monitor:Http:AllowPrivateNetworks"] = "true",
            ["Monitor:Http:MinIntervalPerHost"] = "00:00:00",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
        };
        Storage = new MonitorStorage(StorageConnection.FromConnectionString(connectionString), new StorageNames(Prefix));
    }

    public string Prefix { get; }

    public string Folder { get; }

    public Dictionary<string, string?> Settings { get; }

    public MonitorStorage Storage { get; }

    /// <summary>Runs <c>monitor</c> in-process with this deployment's settings.</summary>
    public Task<CliResult> RunCliAsync(params string[] args) => RunCliAsync(CancellationToken.None, args);

    public async Task<CliResult> RunCliAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, output, error, Settings, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The Core services and HTTP endpoints wired as the Functions app wires them, on this deployment's settings.</summary>
    /// <param name="clock">A fake clock for schedule tests; the system clock otherwise.</param>
    public ServiceProvider BuildServices(TimeProvider? clock = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNewsMonitor(configuration);
        services.AddNewsMonitorWeb(new ReviewerIdentity(TrustPlatformHeader: false));
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        return services.BuildServiceProvider();
    }

    public async Task<List<string>> MatchedBlobPathsAsync()
    {
        var paths = new List<string>();
        await foreach (var blob in Storage.Matches.GetBlobsAsync())
        {
            paths.Add(blob.Name);
        }

        return paths;
    }
}

public sealed record CliResult(int ExitCode, string Output, string Error);
