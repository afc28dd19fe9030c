using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Archive;
using NewsMonitor.Backfill;
using NewsMonitor.Cli.LocalHost;
using NewsMonitor.Reading.Search;
using NewsMonitor.Storage;

namespace NewsMonitor.Benchmarks.Archive;

/// <summary>
/// The archive's real entry points, built by <c>AddNewsMonitor</c> as the CLI and the Functions host build them, timed
/// over the same archive as the scan passes of <see cref="ArchiveRun"/>: <see cref="ArchiveSearch"/> (a query that reads
/// the whole window, and a first page of a common word), <see cref="Backtest"/> of <see cref="ProposedWatchlist"/>
/// against the seed watchlist, and <see cref="BackfillRunner"/> twice: the seed watchlist's every entity (the index rows
/// the live pipeline would have written), then the proposed change, whose counts must equal the backtest's.
/// </summary>
internal static class RealEntryPoints
{
    /// <summary>Named nowhere in the corpus: the search reads every block of the window.</summary>
    public const string NoHitQuery = "\"Graham Nkosi\"";

    public const string CommonWord = "government";

    /// <summary>Backfill runs stopped by a lost race and resumed before the timing gives up.</summary>
    private const int MaxResumes = 5;

    /// <param name="readOnly">The read-only scan of the same window: the storage baseline.</param>
    /// <param name="seedBare">The bare automaton scan of the seed watchlist, in a scan pass.</param>
    /// <param name="seedMatching">The seed watchlist's matcher in a scan pass: what the first backfill's blocks run.</param>
    /// <param name="count">Articles in the window.</param>
    /// <returns>Whether every check held: whole window read, every article backfilled, backfill = backtest.</returns>
    public static async Task<bool> RunAsync(AzuriteProcess azurite, string prefix, DateTimeOffset from, DateTimeOffset to, ScanPass readOnly, ScanPass seedBare, ScanPass seedMatching, int count, TextWriter output)
    {
        var root = AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory)!;
        var folder = Directory.CreateTempSubdirectory("newsmonitor-archive").FullName;
        var watchlistPath = Path.Combine(folder, "watchlist.json");
        await File.WriteAllBytesAsync(watchlistPath, ProposedWatchlist.SeedJson());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Monitor:StoragePrefix"] = prefix,
            ["Monitor:WatchlistPath"] = watchlistPath,
            ["Monitor:FeedsPath"] = Path.Combine(root, "seeds", "feeds.json"),
            ["Monitor:SubscriptionsPath"] = Path.Combine(root, "seeds", "subscriptions.json"),
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddNewsMonitor(configuration).BuildServiceProvider();
        await services.GetRequiredService<MonitorStorage>().EnsureCreatedAsync();
        var scanner = services.GetRequiredService<ArchiveScanner>();
        var proposed = ProposedWatchlist.Parse();

        var noHitBare = await ScanPass.RunAsync($"bare TermAutomaton.Scan, query {NoHitQuery}", scanner, from, to, ArchiveVisitors.BareScan(ArchiveVisitors.SearchWatchlist(NoHitQuery)));
        var proposedBare = await ScanPass.RunAsync("bare TermAutomaton.Scan, proposed watchlist", scanner, from, to, ArchiveVisitors.BareScan(proposed));
        var proposedMatching = await ScanPass.RunAsync("MentionMatcher.Match, proposed watchlist (what the second backfill's blocks run)", scanner, from, to, ArchiveVisitors.Matching(proposed));
        await output.WriteLineAsync($"""
            real entry points (AddNewsMonitor over the same archive), with three more scan passes as their baselines:
            {noHitBare}
            {proposedBare}
            {proposedMatching}
            """);

        var search = services.GetRequiredService<ArchiveSearch>();
        var whole = await search.SearchAsync(new SearchRequest(NoHitQuery, from, to, SearchRequest.DefaultLimit));
        await output.WriteLineAsync(Line($"ArchiveSearch {NoHitQuery}, whole window", whole.Scan, readOnly, noHitBare.Statistics.Visiting, "1 bare scan", $"{whole.Items.Count} hits, read to the window's start: {(whole.Scan.Complete ? "yes" : "NO")}"));
        var page = await search.SearchAsync(new SearchRequest(CommonWord, from, to, SearchRequest.DefaultLimit));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"ArchiveSearch {CommonWord}, first page: {page.Scan.Seconds:F2} s wall, {page.Items.Count} results (next page: {(page.NextCursor is null ? "none" : "yes")}), {page.Scan.Articles:N0} articles in {page.Scan.Blocks} blocks, {page.Scan.TextMegabytes:F1} MB text; reading {page.Scan.ReadingSeconds:F3} s, matching {page.Scan.MatchingSeconds:F3} s"));

        var backtest = await services.GetRequiredService<Backtest>().RunAsync(proposed, from, to);
        var bothBare = seedBare.Statistics.Visiting + proposedBare.Statistics.Visiting;
        var changed = backtest.Entities.Where(e => e.Gained + e.Lost > 0).ToList();
        await output.WriteLineAsync(Line("Backtest proposed vs seed watchlist", backtest.Scan, readOnly, bothBare, "2 bare scans, live + proposed",
            $"gained {backtest.Gained:N0}, lost {backtest.Lost:N0}: {string.Join(", ", changed.Select(e => $"{e.Id} +{e.Gained:N0} −{e.Lost:N0} ({e.Live:N0} → {e.Proposed:N0})"))}"));

        var runner = services.GetRequiredService<BackfillRunner>();
        var first = await TimedBackfillAsync(runner, azurite, prefix, from, [], "BackfillRunner, seed watchlist, every entity (the rows the live pipeline would have written)", readOnly, seedMatching, seedBare, output);

        // A newer write time is what makes the configuration read the file again.
        var written = File.GetLastWriteTimeUtc(watchlistPath);
        await File.WriteAllBytesAsync(watchlistPath, ProposedWatchlist.Json());
        File.SetLastWriteTimeUtc(watchlistPath, written.AddSeconds(1));
        var second = await TimedBackfillAsync(runner, azurite, prefix, from, [ProposedWatchlist.FigureId, ProposedWatchlist.NarrowedTopicId], "BackfillRunner, the proposed change (new figure + narrowed topic)", readOnly, proposedMatching, proposedBare, output);

        var same = changed.All(e => second.Job.PerEntity.GetValueOrDefault(e.Id) == new EntityTally(e.Gained, e.Lost))
            && second.Job.PerEntity.All(p => p.Value == new EntityTally(0, 0) || changed.Exists(e => e.Id == p.Key));
        var complete = whole.Scan.Complete && whole.Scan.Articles == count && first.Job.Articles == count && second.Job.Articles == count;
        await output.WriteLineAsync($"backfill of the change = backtest's gains and losses: {(same ? "yes" : "NO")}; whole window read by the search and both backfills: {(complete ? "yes" : "NO")}");
        Directory.Delete(folder, recursive: true);
        return same && complete;
    }

    private static async Task<BackfillRun> TimedBackfillAsync(
        BackfillRunner runner, AzuriteProcess azurite, string prefix, DateTimeOffset from, IReadOnlyCollection<string> entityIds, string name, ScanPass readOnly, ScanPass matching, ScanPass bare, TextWriter output)
    {
        using var requests = new StorageRequests(prefix);
        var ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var azuriteCpu = Process.GetProcessById(azurite.ProcessId).TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var stops = new List<string>();
        BackfillRun run;
        while (true)
        {
            try
            {
                run = await runner.RunAsync(from, entityIds);
                break;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 412 && stops.Count < MaxResumes)
            {
                // A block's completion lost the race for the job's header row too often; run again, as a user would
                // run `monitor backfill` again: the job resumes and the blocks already done are not applied twice.
                stops.Add(string.Create(CultureInfo.InvariantCulture, $"at {clock.Elapsed.TotalSeconds:F1} s: {ex.ErrorCode} ({ex.Status}) completing a block"));
            }
        }

        var wall = clock.Elapsed;
        ownCpu = Process.GetCurrentProcess().TotalProcessorTime - ownCpu;
        azuriteCpu = Process.GetProcessById(azurite.ProcessId).TotalProcessorTime - azuriteCpu;

        var job = run.Job;
        var busy = requests.Busy;
        var entities = job.PerEntity.Where(e => e.Value.Added + e.Value.Removed > 0).OrderByDescending(e => e.Value.Added + e.Value.Removed).ThenBy(e => e.Key, StringComparer.Ordinal);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            {name}: {wall.TotalSeconds:F1} s wall, {job.BlocksDone:N0}/{job.BlocksTotal:N0} blocks, {job.Articles:N0} articles, {job.TextLength / 1e6:F0} MB text = {job.TextLength / 1e6 / wall.TotalSeconds:F1} MB/s; {wall / readOnly.Wall:F1}× read only; {job.State}; runs {stops.Count + 1}{string.Concat(stops.Select(s => $"; stopped {s}, resumed"))}
              matches added {job.Added:N0}, removed {job.Removed:N0}: {string.Join(", ", entities.Select(e => $"{e.Key} +{e.Value.Added:N0} −{e.Value.Removed:N0}"))}
              where the time went: a storage request in flight {busy.TotalSeconds:F1} s ({busy / wall:P0} of the wall), none in flight {(wall - busy).TotalSeconds:F1} s; {requests.Count:N0} requests, archive block reads {requests.SummedFor("archive").TotalSeconds:F1} s of them summed
              matching: the same matcher over the same text in a scan pass visits for {matching.Statistics.Visiting.TotalSeconds:F2} s ({matching.Statistics.Visiting / wall:P1} of this wall, on one core), {matching.Statistics.Visiting / bare.Statistics.Visiting:F2}× the bare scan
              CPU: this process {ownCpu.TotalSeconds:F1} s, Azurite {azuriteCpu.TotalSeconds:F1} s, over {wall.TotalSeconds:F1} s × {Environment.ProcessorCount} cores
            """));
        foreach (var line in requests.Describe())
        {
            await output.WriteLineAsync("    " + line);
        }

        return run;
    }

    private static string Line(string name, ScanReport scan, ScanPass readOnly, TimeSpan bare, string bareName, string found)
    {
        var share = scan.ReadingSeconds / (scan.ReadingSeconds + scan.MatchingSeconds);
        return string.Create(CultureInfo.InvariantCulture,
            $"{name}: {scan.Seconds:F2} s wall, {scan.Articles:N0} articles in {scan.Blocks:N0} blocks, {scan.TextMegabytes:F0} MB text = {scan.TextMegabytes / scan.Seconds:F0} MB/s; reading {scan.ReadingSeconds:F2} s ({share:P0}), matching {scan.MatchingSeconds:F2} s ({1 - share:P0}); {scan.Seconds / readOnly.Wall.TotalSeconds:F2}× read only; matching ÷ bare scan ({bareName}) {scan.MatchingSeconds / bare.TotalSeconds:F2}×; {found}");
    }
}
