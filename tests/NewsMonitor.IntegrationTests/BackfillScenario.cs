using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Archive;
using NewsMonitor.Feeds;
using NewsMonitor.Ingestion;
using NewsMonitor.Storage;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// A deployment whose articles were processed by the live <see cref="ArticleProcessor"/> under one watchlist, at fixed
/// times, before the watchlist changes: two scenarios started at the same moment hold the same ids, keys and blobs.
/// </summary>
internal sealed class BackfillScenario : IAsyncDisposable
{
    /// <summary>Two figures and a topic; the figure Graham Nkosi is not on it yet.</summary>
    public const string Watchlist = """
        {
          "figures": [
            { "id": "vladimir-putin", "name": "Vladimir Putin", "aliases": ["Putin"] },
            { "id": "ada-obi", "name": "Ada Obi" }
          ],
          "topics": [ { "id": "mining", "name": "Mining", "query": "mine OR mining" } ]
        }
        """;

    public const string WithNkosi = """
        {
          "figures": [
            { "id": "vladimir-putin", "name": "Vladimir Putin", "aliases": ["Putin"] },
            { "id": "ada-obi", "name": "Ada Obi" },
            { "id": "graham-nkosi", "name": "Graham Nkosi", "aliases": ["Nkosi"] }
          ],
          "topics": [ { "id": "mining", "name": "Mining", "query": "mine OR mining" } ]
        }
        """;

    public static readonly string Narrowed = Watchlist.Replace("mine OR mining", "mining", StringComparison.Ordinal);

    public static readonly string WithNkosiNarrowed = WithNkosi.Replace("mine OR mining", "mining", StringComparison.Ordinal);

    /// <summary>The archive: Graham Nkosi is named in stories 0, 1 and 2; "mine" without "mining" in 3, 4 and 10.</summary>
    public static readonly string[] Bodies =
    [
        "Graham Nkosi opened the new clinic in Durban on Monday.",
        "Vladimir Putin and Graham Nkosi met in Moscow to discuss grain.",
        "Mr Nkosi said the mining licence would be reviewed next year.",
        "A new mine opened near the river on Friday.",
        "Ada Obi visited the mine at dawn with engineers.",
        "Mining output rose in the third quarter, the ministry said.",
        "Vladimir Putin spoke about gas prices in a televised address.",
        "The council discussed bus timetables and parking.",
        "Ada Obi launched a book of essays in Lagos.",
        "Rain is expected in the north over the weekend.",
        "Putin visited a mine in Siberia on Thursday.",
        "The weather stays mild for the rest of the week.",
    ];

    private BackfillScenario(TestDeployment deployment, ServiceProvider services, DateTimeOffset now)
    {
        Deployment = deployment;
        Services = services;
        Now = now;
    }

    public TestDeployment Deployment { get; }

    public ServiceProvider Services { get; }

    public DateTimeOffset Now { get; }

    public string WatchlistPath => Deployment.Settings["Monitor:WatchlistPath"]!;

    public static async Task<BackfillScenario> StartAsync(LocalEnvironment environment, DateTimeOffset now, bool processBodies = true)
    {
        var deployment = environment.NewDeployment();
        deployment.Settings["Monitor:WatchlistPath"] = Path.Combine(deployment.Folder, "watchlist.json");
        deployment.Settings["Monitor:FullTextMinWords"] = "0";
        var scenario = new BackfillScenario(deployment, deployment.BuildServices(new FakeTimeProvider(now)), now);
        await scenario.WriteWatchlistAsync(Watchlist);
        await deployment.Storage.EnsureCreatedAsync();
        if (processBodies)
        {
            await scenario.ProcessAsync();
        }

        return scenario;
    }

    public static string IdOf(int story) => ArticleId.FromCanonicalUrl(UrlOf(story));

    public static Uri UrlOf(int story) => new($"https://news.example/story/{story}");

    /// <summary>Story n was discovered 3n + 2 hours and n minutes before now: each story in an hour of its own.</summary>
    public DateTimeOffset DiscoveredAt(int story) => Now.AddHours(-(3 * story) - 2).AddMinutes(-story);

    /// <summary>Writes the watchlist file with a new write time, which is what makes the configuration read it again.</summary>
    public async Task WriteWatchlistAsync(string json)
    {
        var previous = File.Exists(WatchlistPath) ? File.GetLastWriteTimeUtc(WatchlistPath) : DateTime.UtcNow.AddMinutes(-1);
        await File.WriteAllTextAsync(WatchlistPath, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.SetLastWriteTimeUtc(WatchlistPath, previous.AddSeconds(1));
    }

    /// <summary>Every story through the live pipeline's stage, then the closed hours compacted as the timer would.</summary>
    public async Task ProcessAsync()
    {
        var processor = Services.GetRequiredService<ArticleProcessor>();
        for (var story = 0; story < Bodies.Length; story++)
        {
            var url = UrlOf(story);
            var discovered = DiscoveredAt(story);
            await processor.ProcessAsync(new ArticleMessage(IdOf(story), "wire", url, url, $"Story {story}", Bodies[story], discovered, discovered));
        }

        await Services.GetRequiredService<ArchiveCompactor>().CompactAsync();
    }

    /// <summary>Everything a backfill may write, as text: index rows, stored blobs, hourly volumes, SeenArticles rows.</summary>
    public async Task<SortedDictionary<string, string>> SnapshotAsync()
    {
        var state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, table) in new[] { ("index", Deployment.Storage.MatchIndex), ("volume", Deployment.Storage.EntityVolume), ("seen", Deployment.Storage.SeenArticles) })
        {
            await foreach (var row in table.QueryAsync<TableEntity>())
            {
                state[$"{name} {row.PartitionKey} {row.RowKey}"] = Describe(row);
            }
        }

        await foreach (var blob in Deployment.Storage.Matches.GetBlobsAsync())
        {
            var content = await Deployment.Storage.Matches.GetBlobClient(blob.Name).DownloadContentAsync();
            state["blob " + blob.Name] = content.Value.Content.ToString();
        }

        return state;
    }

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();

    // The service's own columns differ between runs; the first-write time is kept as a fact (there or not), not a value.
    private static string Describe(TableEntity row) => string.Join("; ", row.Keys
        .Where(key => key is not ("odata.etag" or "Timestamp" or "PartitionKey" or "RowKey"))
        .Order(StringComparer.Ordinal)
        .Select(key => key == nameof(MatchIndexRow.IndexedAt) ? "IndexedAt" : string.Create(CultureInfo.InvariantCulture, $"{key}={row[key]}")));
}
