using System.Globalization;
using Azure.Data.Tables;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using NewsMonitor.Cli.LocalHost;
using NewsMonitor.Storage;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// Why the entity view reads hour rows: one entity with 1,000 to 50,000 matches in 30 days (each size in tables of its
/// own on Azurite, seeded once into <c>.local/bench-azurite</c>), its 30 days read from the index (row key and feed of
/// every match) and from its hour rows, against a point read in the same run.
/// </summary>
[Config(typeof(Percentiles))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 30)]
public class EntityTimelineBenchmarks
{
    private AzuriteProcess azurite = null!;
    private MonitorStorage storage = null!;
    private EntityTimeline timeline = null!;
    private HourlyVolumeStore volumes = null!;
    private DateTimeOffset now;

    [Params(1_000, 10_000, 50_000)]
    public int EntityMatches { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("run from the repository");
        azurite = AzuriteProcess.StartAsync(root, Path.Combine(root, ".local", "bench-azurite"), (10110, 10111, 10112), TextWriter.Null, CancellationToken.None).GetAwaiter().GetResult();
        storage = new MonitorStorage(StorageConnection.FromConnectionString(azurite.ConnectionString), new StorageNames($"busy{EntityMatches}"));
        timeline = new EntityTimeline(storage);
        volumes = new HourlyVolumeStore(storage, timeline);
        now = SeedAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "baseline: one row by PK + RK")]
    public Task<Azure.NullableResponse<TableEntity>> PointRead() => storage.MatchIndex.GetEntityIfExistsAsync<TableEntity>("_bench", "seeded");

    [Benchmark(Description = "30 days from the index: row key + feed of every match")]
    public Task<IReadOnlyList<MatchMoment>> IndexRows() => timeline.ReadAsync("busy", now.AddDays(-30), now);

    [Benchmark(Description = "30 days from the hour rows (at most 720)")]
    public Task<IReadOnlyList<HourVolume>> HourRows() => volumes.ReadAsync("busy", now.AddDays(-30), now);

    /// <summary>Writes the entity's rows in batches of 100 and counts its hours, once; returns the seed's "now".</summary>
    private async Task<DateTimeOffset> SeedAsync()
    {
        await storage.EnsureCreatedAsync();
        var marker = await storage.MatchIndex.GetEntityIfExistsAsync<TableEntity>("_bench", "seeded");
        var seededAt = marker.HasValue ? marker.Value!.GetDateTimeOffset("Now")!.Value : DateTimeOffset.UtcNow;
        if (!marker.HasValue)
        {
            var random = new Random(EntityMatches);
            var rows = Enumerable.Range(0, EntityMatches).Select(i =>
            {
                var at = seededAt - TimeSpan.FromDays(30 * random.NextDouble());
                var id = i.ToString("x32", CultureInfo.InvariantCulture);
                return new MatchIndexRow
                {
                    PartitionKey = "busy",
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
                    Entities = "busy",
                    EntityDetails = "busy|figure|1|0.5",
                };
            });
            foreach (var batch in rows.Chunk(100))
            {
                await storage.MatchIndex.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)));
            }

            await storage.MatchIndex.UpsertEntityAsync(new TableEntity("_bench", "seeded") { ["Now"] = seededAt });
        }

        await volumes.RebuildAsync("busy", seededAt.AddDays(-31), seededAt.AddHours(1));
        return seededAt;
    }

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P50, StatisticColumn.P95);
    }
}
