using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Cli.LocalHost;
using NewsMonitor.Ingestion;
using NewsMonitor.Storage;

namespace NewsMonitor.Benchmarks.Load;

/// <summary>
/// <c>--load [feeds] [items]</c>: serves feeds × items articles from <see cref="LoadSite"/> and drains them through the
/// local host on a fresh Azurite, as <c>monitor run --once</c> does. Reports the time to drain, articles per
/// second, peak memory and the accounting read back from storage, next to a baseline measured in the same run: the bare
/// queue round trip (send, receive, delete) of as many messages with a handler that does nothing. Then times searches
/// of what it archived and of seven days of the same feeds (<see cref="LoadSearch"/>).
/// </summary>
/// <remarks>
/// Azurite keeps its data in a fresh folder under <c>.local/</c>: with <c>--inMemoryPersistence</c> it slows down past
/// about 15,000 messages in a process's lifetime (its in-memory message store), which on disk it does not.
/// </remarks>
internal static class LoadRun
{
    public static async Task<int> RunAsync(int feeds, int items, TextWriter output)
    {
        var root = AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("run from inside the repository");
        var data = Path.Combine(root, ".local", "load-azurite-" + Guid.NewGuid().ToString("N")[..8]);
        await using var azurite = await AzuriteProcess.StartAsync(root, data, ports: null, output, CancellationToken.None);
        await using var site = await LoadSite.StartAsync(items);
        var folder = Directory.CreateTempSubdirectory("newsmonitor-load").FullName;
        var feedsPath = Path.Combine(folder, "feeds.json");
        await File.WriteAllTextAsync(feedsPath, JsonSerializer.Serialize(new { feeds = Enumerable.Range(0, feeds).Select(f => new { id = $"load-{f}", url = site.FeedUrl(f) }) }));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Monitor:StoragePrefix"] = "load",
            ["Monitor:FeedsPath"] = feedsPath,
            ["Monitor:WatchlistPath"] = Path.Combine(root, "seeds", "watchlist.json"),
            ["Monitor:SubscriptionsPath"] = Path.Combine(root, "seeds", "subscriptions.json"),
            ["Monitor:Http:AllowPrivateNetworks"] = "true",

            // Every feed here is on 127.0.0.1; in production 1,000 feeds are spread over hundreds of hosts, each with
            // its own politeness limit, so the per-host limits are lifted rather than measuring one host's queue.
            ["Monitor:Http:MinIntervalPerHost"] = "00:00:00",
            ["Monitor:Http:MaxConcurrentPerHost"] = "64",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddNewsMonitor(configuration).BuildServiceProvider();
        var storage = services.GetRequiredService<MonitorStorage>();
        await storage.EnsureCreatedAsync();
        var settings = new QueuesOptions();
        new ConfigurationBuilder().AddInMemoryCollection(ListenerHost.HostJson(Path.Combine(AppContext.BaseDirectory, "host.json"))).Build()
            .GetSection(ListenerHost.JobHostSection + ":extensions:queues").Bind(settings);
        await output.WriteLineAsync($"{feeds:N0} feeds × {items} items = {feeds * items:N0} articles; WebJobs queue listener: batch {settings.BatchSize}, new batch at {settings.NewBatchThreshold}, up to {settings.MaxDequeueCount} attempts");

        var baseline = await QueueRoundTripAsync(storage, settings.BatchSize, feeds * items);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"baseline: bare queue round trip of {feeds * items:N0} messages in {baseline.TotalSeconds:F1} s = {feeds * items / baseline.TotalSeconds:F0} messages/s"));

        var pipeline = new LocalPipeline(services, configuration);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await services.GetRequiredService<FeedScheduler>().ScheduleAsync(all: true);
        var scheduled = clock.Elapsed;
        await pipeline.DrainAsync(CancellationToken.None);
        var drained = clock.Elapsed;
        var account = await services.GetRequiredService<ArticleAccounting>().ReadAsync();
        var summary = pipeline.Summary;
        var articles = summary.ArticlesProcessed;

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            scheduling: {feeds:N0} feeds queued in {scheduled.TotalSeconds:F1} s
            drain: {drained.TotalSeconds:F1} s from the first feed queued to empty queues
            feeds polled: {summary.FeedsPolled:N0} ({summary.FeedsFailed} failed), items new: {summary.ItemsNew:N0}
            articles: {articles:N0} processed ({summary.ArticlesMatched:N0} matched) = {articles / drained.TotalSeconds:F0} articles/s; {summary.ArticlesRedelivered} repeated deliveries ignored
            per article: {drained.TotalMilliseconds / Math.Max(1, articles):F2} ms, {drained.TotalMilliseconds / Math.Max(1, articles) / (baseline.TotalMilliseconds / (feeds * items)):F1}× the bare queue round trip
            peak memory: pipeline process (with the load site) {PeakMegabytes(Environment.ProcessId)} MB, Azurite {PeakMegabytes(azurite.ProcessId)} MB
            CPU time for the whole run: pipeline process (with the load site) {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F0} s, Azurite {Process.GetProcessById(azurite.ProcessId).TotalProcessorTime.TotalSeconds:F0} s on {Environment.ProcessorCount} cores
            {account}
            accounting adds up: {(account.AddsUp && account.Seen == feeds * items ? "yes" : "NO")}
            """));
        await LoadSearch.RunAsync(storage, feeds, started, output);
        Directory.Delete(folder, recursive: true);
        await azurite.DisposeAsync();
        Directory.Delete(data, recursive: true);
        return account.AddsUp && account.Seen == feeds * items ? 0 : 1;
    }

    /// <summary>
    /// Sends <paramref name="count"/> messages and takes them back with the bare SDK — receive a batch, delete each — in
    /// rounds of 1,000, since Azurite's queues slow down with their length: what a queue stage costs with no host and
    /// no work.
    /// </summary>
    private static async Task<TimeSpan> QueueRoundTripAsync(MonitorStorage storage, int batchSize, int count)
    {
        var queue = storage.Queue("baseline");
        await queue.CreateIfNotExistsAsync();
        var clock = Stopwatch.StartNew();
        for (var sent = 0; sent < count; sent += 1_000)
        {
            var round = Math.Min(1_000, count - sent);
            await Parallel.ForEachAsync(Enumerable.Range(0, round), new ParallelOptions { MaxDegreeOfParallelism = batchSize }, async (i, ct) => await queue.SendMessageAsync(i.ToString(CultureInfo.InvariantCulture), ct));
            for (var taken = 0; taken < round;)
            {
                QueueMessage[] messages = await queue.ReceiveMessagesAsync(batchSize);
                await Task.WhenAll(messages.Select(m => queue.DeleteMessageAsync(m.MessageId, m.PopReceipt)));
                taken += messages.Length;
            }
        }

        var elapsed = clock.Elapsed;
        await queue.DeleteAsync();
        return elapsed;
    }

    /// <summary>The process's peak resident memory (VmHWM), in MB; Linux only.</summary>
    private static long PeakMegabytes(int processId)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status))
        {
            return -1;
        }

        var line = File.ReadLines(status).First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
