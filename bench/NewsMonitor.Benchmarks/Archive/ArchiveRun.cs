using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging.Abstractions;
using NewsMonitor.Archive;
using NewsMonitor.Cli.LocalHost;
using NewsMonitor.Storage;

namespace NewsMonitor.Benchmarks.Archive;

/// <summary>
/// <c>--archive [articles] [feeds]</c>: writes the articles (<see cref="ArchiveCorpus"/>) as compacted blocks over 30
/// days and 4 shards on a fresh Azurite, then scans the window with <see cref="ArchiveScanner"/> several times in one
/// run: reading only (the storage baseline), the bare automaton scan of the seed watchlist (the matching baseline), the
/// seed watchlist's matcher (a backfill or backtest) and a one-topic matcher (a search); then times the real entry
/// points over the same archive (<see cref="RealEntryPoints"/>). Reports time, MB/s of text, reading vs visiting, the
/// ratios between the passes, the archive's size per 1,000 articles, and a search over seven days of the feeds.
/// </summary>
internal static class ArchiveRun
{
    private const int PendingArticles = 1_000;

    private const string Prefix = "bench";

    public static async Task<int> RunAsync(int count, int feeds, TextWriter output)
    {
        var root = AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("run from inside the repository");
        var data = Path.Combine(root, ".local", "archive-azurite-" + Guid.NewGuid().ToString("N")[..8]);
        await using var azurite = await AzuriteProcess.StartAsync(root, data, ports: null, output, CancellationToken.None);
        var connection = StorageConnection.FromConnectionString(azurite.ConnectionString);
        var storage = new MonitorStorage(connection, new StorageNames(Prefix));
        await storage.Archive.CreateIfNotExistsAsync();
        var archive = new ArticleArchive(storage);
        var scanner = new ArchiveScanner(archive);

        var to = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero);
        var from = to.AddDays(-30);
        var clock = Stopwatch.StartNew();
        var seeding = await ArchiveSeeder.WriteBlocksAsync(storage, ArchiveCorpus.Spread(count, feeds, from, to));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}
            archive: {seeding.Articles:N0} articles of {feeds:N0} feeds over {from:yyyy-MM-dd} to {to:yyyy-MM-dd}, {seeding.Blocks:N0} blocks, written in {clock.Elapsed.TotalSeconds:F0} s
            size per 1,000 articles: {seeding.PerThousand(seeding.TextLength) / 1e6:F2} MB of text; {seeding.PerThousand(seeding.CompressedBytes) / 1e6:F2} MB as compacted blocks ({(double)seeding.TextLength / seeding.CompressedBytes:F1}:1), {seeding.PerThousand(seeding.SmallBlobBytes) / 1e6:F2} MB as pending small blobs ({(double)seeding.TextLength / seeding.SmallBlobBytes:F1}:1)
            """));

        var readBack = await CheckReadBackAsync(archive, count, feeds, from, to);
        await output.WriteLineAsync($"read back: {readBack}");

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var seedWatchlist = ArchiveVisitors.SeedWatchlist();
        var warmUp = await ScanPass.RunAsync("warm-up read", scanner, from, to, _ => 0);
        var reading = await ScanPass.RunAsync("read only (baseline)", scanner, from, to, a => ids.Add(a.ArticleId) ? 1 : 0);
        var bare = await ScanPass.RunAsync("bare TermAutomaton.Scan, seed watchlist", scanner, from, to, ArchiveVisitors.BareScan(seedWatchlist));
        var matching = await ScanPass.RunAsync("MentionMatcher.Match, seed watchlist (backfill/backtest)", scanner, from, to, ArchiveVisitors.Matching(seedWatchlist));
        var searchBare = await ScanPass.RunAsync("bare TermAutomaton.Scan, search query", scanner, from, to, ArchiveVisitors.BareScan(ArchiveVisitors.SearchWatchlist()));
        var search = await ScanPass.RunAsync($"search '{ArchiveVisitors.SearchQuery}' (one-topic matcher)", scanner, from, to, ArchiveVisitors.Matching(ArchiveVisitors.SearchWatchlist()));
        foreach (var pass in new[] { warmUp, reading, bare, matching, searchBare, search })
        {
            await output.WriteLineAsync(pass.ToString());
        }

        var complete = reading.Statistics.Articles == count && ids.Count == count;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            every article read once: {(complete ? "yes" : "NO")} ({ids.Count:N0} distinct of {reading.Statistics.Articles:N0} read, {count:N0} written)
            ratios, same run:
              matching ÷ bare scan (visiting time): {matching.Statistics.Visiting / bare.Statistics.Visiting:F2}× (seed watchlist), {search.Statistics.Visiting / searchBare.Statistics.Visiting:F2}× (search query)
              bare scan in the visitor: {bare.TextMegabytes / bare.Statistics.Visiting.TotalSeconds:F0} MB/s; matching: {matching.TextMegabytes / matching.Statistics.Visiting.TotalSeconds:F0} MB/s
              full backfill scan ÷ read only (wall): {matching.Wall / reading.Wall:F2}×; search ÷ read only: {search.Wall / reading.Wall:F2}×
            """));

        var entryPoints = await RealEntryPoints.RunAsync(azurite, Prefix, from, to, reading, bare, matching, count, output);
        await PendingAsync(storage, archive, from.AddHours(-3), feeds, output);
        await WeekSearch.RunAsync(new MonitorStorage(connection, new StorageNames("week")), feeds, to, output);

        await azurite.DisposeAsync();
        Directory.Delete(data, recursive: true);
        return complete && entryPoints && readBack.StartsWith("yes", StringComparison.Ordinal) ? 0 : 1;
    }

    /// <summary>The first hour's blocks, read with <see cref="ArticleArchive.ReadAsync"/>, hold exactly the articles generated for them.</summary>
    private static async Task<string> CheckReadBackAsync(ArticleArchive archive, int count, int feeds, DateTimeOffset from, DateTimeOffset to)
    {
        var expected = ArchiveCorpus.Spread(count, feeds, from, to).TakeWhile(a => a.DiscoveredAt < from.AddHours(1)).ToList();
        var read = new List<ArchivedArticle>();
        for (var shard = 0; shard < ArchiveBlock.ShardCount; shard++)
        {
            read.AddRange((await archive.ReadAsync(new ArchiveBlock(from, shard))).Articles);
        }

        var same = expected.OrderBy(a => a.ArticleId, StringComparer.Ordinal).SequenceEqual(read.OrderBy(a => a.ArticleId, StringComparer.Ordinal));
        return $"{(same ? "yes" : "NO")}, the {read.Count} articles of {from:yyyy-MM-dd HH}:00 equal to those written";
    }

    /// <summary>
    /// Articles written one by one as the pipeline writes them (<see cref="ArticleArchive.AddAsync"/>, 16 at a time), an
    /// hour of them read before and after <see cref="ArchiveCompactor"/> folds them into blocks.
    /// </summary>
    private static async Task PendingAsync(MonitorStorage storage, ArticleArchive archive, DateTimeOffset hour, int feeds, TextWriter output)
    {
        var articles = ArchiveCorpus.Spread(PendingArticles, feeds, hour, hour.AddHours(1)).ToList();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(articles, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (a, ct) => await archive.AddAsync(a, ct));
        var written = clock.Elapsed;
        long pendingBytes = 0;
        await foreach (var blob in storage.Archive.GetBlobsAsync(BlobTraits.None, BlobStates.None, ArchiveBlock.PendingPrefix, CancellationToken.None))
        {
            pendingBytes += blob.Properties.ContentLength ?? 0;
        }

        var scanner = new ArchiveScanner(archive);
        var beforeCompaction = await ScanPass.RunAsync("read the hour as pending blobs", scanner, hour, hour.AddHours(1), _ => 0);
        clock.Restart();
        var compacted = await new ArchiveCompactor(storage, archive, new SingletonLock(storage), TimeProvider.System, NullLogger<ArchiveCompactor>.Instance).CompactAsync();
        var compaction = clock.Elapsed;
        var afterCompaction = await ScanPass.RunAsync("read the hour as compacted blocks", scanner, hour, hour.AddHours(1), _ => 0);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            pending: {PendingArticles:N0} articles written one blob each in {written.TotalSeconds:F1} s ({PendingArticles / written.TotalSeconds:F0}/s), {pendingBytes / 1e6:F2} MB stored; compacted into {compacted} blocks in {compaction.TotalSeconds:F1} s
            {beforeCompaction}
            {afterCompaction}
            """));
    }
}
