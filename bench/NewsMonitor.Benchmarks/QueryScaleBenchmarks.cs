using System.Globalization;
using Azure.Data.Tables;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Cli.LocalHost;
using NewsMonitor.Reading;
using NewsMonitor.Storage;
using NewsMonitor.Web;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// Query latency on Azurite with 10,000 and 100,000 stored matches over 30 days and 200 entities: the cost of a page
/// must not grow with what is stored. The index is seeded once into <c>.local/bench-azurite</c> (a few minutes for
/// 100,000) and reused by every later run. The workspace's three reads (a stream page, an article, an entity view) are
/// measured against the same baseline.
/// </summary>
[Config(typeof(Percentiles))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 30)]
public class QueryScaleBenchmarks
{
    private const int Entities = 200;
    private AzuriteProcess azurite = null!;
    private ServiceProvider services = null!;
    private MatchFinder finder = null!;
    private MonitorStorage storage = null!;
    private EntityViewReader entityViews = null!;
    private NewsMonitor.Web.Api.MatchesEndpoint articles = null!;
    private string deepPage = null!;
    private DateTimeOffset now;

    [Params(10_000, 100_000)]
    public int Matches { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("run from the repository");
        azurite = AzuriteProcess.StartAsync(root, Path.Combine(root, ".local", "bench-azurite"), (10110, 10111, 10112), TextWriter.Null, CancellationToken.None).GetAwaiter().GetResult();
        var prefix = $"scale{Matches}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Monitor:StoragePrefix"] = prefix,
            ["Monitor:WatchlistPath"] = WriteWatchlist(root),
        }).Build();
        services = new ServiceCollection().AddLogging().AddNewsMonitor(configuration)
            .AddNewsMonitorWeb(new NewsMonitor.Web.Security.ReviewerIdentity(TrustPlatformHeader: false)).BuildServiceProvider();
        storage = services.GetRequiredService<MonitorStorage>();
        storage.EnsureCreatedAsync().GetAwaiter().GetResult();
        articles = services.GetRequiredService<NewsMonitor.Web.Api.MatchesEndpoint>();
        now = SeedAsync(storage).GetAwaiter().GetResult();
        finder = services.GetRequiredService<MatchFinder>();
        StoreArticleAsync(services).GetAwaiter().GetResult();
        CountHoursAsync(services.GetRequiredService<HourlyVolumeStore>()).GetAwaiter().GetResult();

        // The seed's clock, so the 30 days of the view are the 30 seeded days whenever the benchmark runs.
        entityViews = new EntityViewReader(services.GetRequiredService<NewsMonitor.Configuration.MonitorConfiguration>(), services.GetRequiredService<HourlyVolumeStore>(), services.GetRequiredService<SpikeStore>(), finder, new FixedClock(now));

        // The token that opens page 20 of everything in the 30 days, 50 a page.
        string? token = null;
        for (var page = 1; page < 20; page++)
        {
            token = finder.FindAsync(Query(new MatchQueryInput { From = "30d", Continuation = token })).GetAwaiter().GetResult().Continuation;
        }

        deepPage = token ?? throw new InvalidOperationException("fewer than 20 pages");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        services.Dispose();
        azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The storage engine's own cost of one request: a point read by partition and row key.</summary>
    [Benchmark(Baseline = true, Description = "baseline: one row by PK + RK")]
    public Task<Azure.NullableResponse<TableEntity>> PointRead() => storage.MatchIndex.GetEntityIfExistsAsync<TableEntity>("_bench", "seeded");

    [Benchmark(Description = "one entity, last 7 d, first page")]
    public Task<MatchPage> OneEntity() => finder.FindAsync(Query(new MatchQueryInput { Entities = ["e007"], From = "7d" }));

    [Benchmark(Description = "two entities AND, last 30 d")]
    public Task<MatchPage> TwoEntitiesAnd() => finder.FindAsync(Query(new MatchQueryInput { Entities = ["e001", "e002"], All = "true", From = "30d" }));

    [Benchmark(Description = "all entities, last 24 h")]
    public Task<MatchPage> AllEntitiesLastDay() => finder.FindAsync(Query(new MatchQueryInput { From = "24h" }));

    [Benchmark(Description = "all entities, page 20")]
    public Task<MatchPage> DeepPage() => finder.FindAsync(Query(new MatchQueryInput { From = "30d", Continuation = deepPage }));

    [Benchmark(Description = "workspace: stream page, newest first, default filters")]
    public Task<MatchPage> StreamPage() => finder.FindAsync(Query(new MatchQueryInput()));

    [Benchmark(Description = "workspace: one article (index lookup + blob)")]
    public Task<StoredArticle?> OneArticle() => finder.GetAsync(StoredArticleId);

    [Benchmark(Description = "workspace: article answer (article + review + why + same story), as GET /api/matches/{id}")]
    public Task<Microsoft.AspNetCore.Mvc.IActionResult> ArticleAnswer()
        => articles.HandleAsync(new Microsoft.AspNetCore.Http.DefaultHttpContext().Request, StoredArticleId, CancellationToken.None);

    [Benchmark(Description = "workspace: entity view (30 d + 48 h + outlets + latest)")]
    public Task<EntityView?> EntityView() => entityViews.GetAsync("e007");

    private const string StoredArticleId = "5eed0000000000000000000000000000";

    /// <summary>The seed writes index rows only: count each entity's hours once, as the pipeline would have while storing them.</summary>
    private async Task CountHoursAsync(HourlyVolumeStore volumes)
    {
        if ((await storage.EntityVolume.GetEntityIfExistsAsync<TableEntity>("_bench", "counted")).HasValue)
        {
            return;
        }

        for (var i = 0; i < Entities; i++)
        {
            await volumes.RebuildAsync($"e{i:000}", now.AddDays(-31), now.AddHours(1));
        }

        await storage.EntityVolume.UpsertEntityAsync(new TableEntity("_bench", "counted"));
    }

    /// <summary>The 200 seeded entities as figures, so the entity view finds them.</summary>
    private static string WriteWatchlist(string root)
    {
        var path = Path.Combine(root, ".local", "bench-watchlist.json");
        var figures = Enumerable.Range(0, Entities).Select(i => new { id = $"e{i:000}", name = $"Scale Figure {i:000}", aliases = Array.Empty<string>() });
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(new { figures, topics = Array.Empty<object>(), alerts = Array.Empty<object>() }));
        return path;
    }

    /// <summary>The seed article with its real mentions, stored as the pipeline stores it (blob + SeenArticles), for the article read.</summary>
    private static async Task StoreArticleAsync(IServiceProvider services)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "seeds");
        var text = NewsMonitor.Articles.ArticleDocument.FromPlainText(File.ReadAllText(Path.Combine(folder, "seed-article.txt")));
        var matched = new NewsMonitor.Matching.MentionMatcher(NewsMonitor.Watchlists.WatchlistLoader.Parse(File.ReadAllBytes(Path.Combine(folder, "watchlist.json")), "watchlist.json")).Match(text);
        var url = new Uri("https://news.example/seed");
        var at = DateTimeOffset.UtcNow;
        var article = new StoredArticle(StoredArticleId, "feed0", url, url, text.Title, at, at, at, NewsMonitor.Articles.TextOrigin.Page, null, "en", text.Body, "bench", matched.Entities, matched.Mentions);
        var path = StoredArticle.BlobPathFor(StoredArticleId, at);
        await services.GetRequiredService<MonitorStorage>().Matches.GetBlobClient(path).UploadAsync(BinaryData.FromObjectAsJson(article, NewsMonitor.JsonDefaults.Options), overwrite: true);
        await services.GetRequiredService<SeenArticleStore>().MarkProcessedAsync(StoredArticleId, SeenStatus.Matched, path);
    }

    private MatchQuery Query(MatchQueryInput input)
    {
        var query = MatchQuery.Parse(input, now, out var problems);
        return problems.Count == 0 ? query : throw new InvalidOperationException(string.Join("; ", problems));
    }

    /// <summary>Writes the index rows (entity partitions and day partitions) in batches of 100, once; returns the seed's "now".</summary>
    private async Task<DateTimeOffset> SeedAsync(MonitorStorage storage)
    {
        await storage.EnsureCreatedAsync();
        var marker = await storage.MatchIndex.GetEntityIfExistsAsync<TableEntity>("_bench", "seeded");
        if (marker.HasValue)
        {
            return marker.Value!.GetDateTimeOffset("Now")!.Value;
        }

        var seededAt = DateTimeOffset.UtcNow;
        var random = new Random(Matches);
        var rows = new List<MatchIndexRow>();
        for (var i = 0; i < Matches; i++)
        {
            var at = seededAt - TimeSpan.FromDays(30 * random.NextDouble());
            var id = i.ToString("x32", CultureInfo.InvariantCulture);
            var entities = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => $"e{random.Next(Entities):000}").Distinct().ToList();
            var details = string.Join(';', entities.Select(e => $"{e}|figure|1|0.5"));
            foreach (var partition in entities.Append(MatchIndexRow.DayPartition(at)))
            {
                rows.Add(new MatchIndexRow
                {
                    PartitionKey = partition,
                    RowKey = MatchIndexRow.RowKeyFor(at, id),
                    ArticleId = id,
                    Kind = "figure",
                    Title = $"Story {i}",
                    Url = $"https://news.example/{i}",
                    FeedId = $"feed{i % 50}",
                    MatchedAt = at,
                    Score = 0.5,
                    MentionCount = 1,
                    Snippet = $"Snippet of story {i}.",
                    Entities = string.Join(',', entities),
                    EntityDetails = details,
                });
            }
        }

        foreach (var partition in rows.GroupBy(r => r.PartitionKey))
        {
            foreach (var batch in partition.Chunk(100))
            {
                await storage.MatchIndex.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)));
            }
        }

        await storage.MatchIndex.UpsertEntityAsync(new TableEntity("_bench", "seeded") { ["Now"] = seededAt });
        return seededAt;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P50, StatisticColumn.P95);
    }
}
