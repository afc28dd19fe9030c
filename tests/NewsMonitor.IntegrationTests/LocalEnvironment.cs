using NewsMonitor.Cli.LocalHost;
using NewsMonitor.Feeds;
using NewsMonitor.Storage;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// A real Azurite (the version pinned in package.json, installed with npm ci when missing, in memory, on free loopback
/// ports) and the offline demo site served on loopback, shared by every test of the collection.
/// </summary>
public sealed class LocalEnvironment : IAsyncLifetime
{
    private AzuriteProcess? azurite;
    private DemoSite? site;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public string ConnectionString => azurite!.ConnectionString;

    public Uri SiteUrl => site!.BaseUrl;

    public Uri FeedUrl => new(SiteUrl, "feed.xml");

    public async Task InitializeAsync()
    {
        azurite = await AzuriteProcess.StartAsync(RepositoryRoot, dataFolder: null, ports: null, TextWriter.Null, CancellationToken.None);
        site = await DemoSite.StartAsync(Path.Combine(RepositoryRoot, "seeds", "demo"));
    }

    public async Task DisposeAsync()
    {
        if (site is not null)
        {
            await site.DisposeAsync();
        }

        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>A fresh, isolated deployment on this Azurite: its own storage prefix and a feed list pointing at the demo site.</summary>
    public TestDeployment NewDeployment() => new(ConnectionString, FeedUrl);

    public string ArticleIdOf(string slug)
        => ArticleId.FromCanonicalUrl(CanonicalUrl.Normalize(new Uri(SiteUrl, $"articles/{slug}.html")));

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Monitor.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Monitor.sln above {AppContext.BaseDirectory}");
    }
}
