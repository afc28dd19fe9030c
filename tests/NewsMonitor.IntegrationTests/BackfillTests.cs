using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Backfill;
using NewsMonitor.Reading.Search;
using NewsMonitor.Reviews;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.IntegrationTests;

/// <summary>A watchlist change is applied to the archive: exactly the matches it makes or no longer makes, once.</summary>
[Collection(SharedAzurite.Name)]
public sealed class BackfillTests(LocalEnvironment environment)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task AFigureAddedAfterItsArticlesWereProcessedGetsExactlyThoseMatches()
    {
        await using var scenario = await BackfillScenario.StartAsync(environment, Now);
        var runner = scenario.Services.GetRequiredService<BackfillRunner>();
        var baseline = await runner.RunAsync(Now.AddDays(-90), []);
        await scenario.Services.GetRequiredService<ReviewService>().ApplyAsync(BackfillScenario.IdOf(1), new ReviewChange { Starred = true }, "analyst");
        var before = await scenario.SnapshotAsync();
        var miningRowWritten = (await RowsAsync(scenario, "mining")).Single(r => r.ArticleId == BackfillScenario.IdOf(2)).WrittenAt();
        await scenario.WriteWatchlistAsync(BackfillScenario.WithNkosi);

        var run = await runner.RunAsync(Now.AddDays(-30), ["graham-nkosi"]);

        Assert.Equal((0, 0), (baseline.Job.Added, baseline.Job.Removed));
        Assert.Equal((BackfillJob.Done, 3, 0, BackfillScenario.Bodies.Length), (run.Job.State, run.Job.Added, run.Job.Removed, (int)run.Job.Articles));
        var nkosi = await RowsAsync(scenario, "graham-nkosi");
        Assert.Equal(new[] { 0, 1, 2 }.Select(BackfillScenario.IdOf).Order(StringComparer.Ordinal), nkosi.Select(r => r.ArticleId).Order(StringComparer.Ordinal));
        Assert.All(nkosi, row => Assert.True(row.Backfilled));
        Assert.Contains("Nkosi", nkosi.Single(r => r.ArticleId == BackfillScenario.IdOf(2)).Snippet, StringComparison.Ordinal);

        // Story 0 matched nothing before: now it is matched, listed in its day, and its blob holds the mention and the history.
        var first = await DayRowAsync(scenario, 0);
        Assert.Equal(("graham-nkosi", true), (first!.Entities, first.Backfilled));
        Assert.Equal(SeenStatus.Matched, (await new SeenArticleStore(scenario.Deployment.Storage).GetAsync(BackfillScenario.IdOf(0)))!.Status);
        var blob = (await scenario.Services.GetRequiredService<MatchStore>().GetArticleAsync(BackfillScenario.IdOf(0)))!;
        Assert.Equal("Graham Nkosi", Assert.Single(blob.Mentions).Term, ignoreCase: true);
        var change = Assert.Single(blob.Changes);
        Assert.Equal(("graham-nkosi", EntityChange.Added, run.Job.Id, run.Job.WatchlistVersion), (change.EntityId, change.Action, change.Job, change.WatchlistVersion));

        // Story 1 was matched live (Putin) and starred: its day row keeps that, and lists both entities; so does Putin's row.
        var both = await DayRowAsync(scenario, 1);
        Assert.Equal(("graham-nkosi,vladimir-putin", false, true), (string.Join(',', both!.Entities.Split(',').Order(StringComparer.Ordinal)), both.Backfilled, both.Starred));
        Assert.True(nkosi.Single(r => r.ArticleId == BackfillScenario.IdOf(1)).Starred);
        var putin = await RowsAsync(scenario, "vladimir-putin");
        Assert.Contains("graham-nkosi", putin.Single(r => r.ArticleId == BackfillScenario.IdOf(1)).Entities, StringComparison.Ordinal);
        Assert.False(putin.Single(r => r.ArticleId == BackfillScenario.IdOf(1)).Backfilled);

        // Story 2 was matched live by the mining topic: its row now lists Nkosi too, and still dates from its first
        // write, so a digest that sent it does not send it again.
        var mining = (await RowsAsync(scenario, "mining")).Single(r => r.ArticleId == BackfillScenario.IdOf(2));
        Assert.Contains("graham-nkosi", mining.Entities, StringComparison.Ordinal);
        Assert.Equal(miningRowWritten, mining.WrittenAt());

        // Every other article is as it was; the new figure's hours are counted.
        var after = await scenario.SnapshotAsync();
        var touched = new[] { 0, 1, 2 }.Select(BackfillScenario.IdOf).ToList();
        Assert.Equal(Untouched(before, touched), Untouched(after, touched).Where(e => !e.Key.StartsWith("volume graham-nkosi", StringComparison.Ordinal)));
        var volumes = await scenario.Services.GetRequiredService<HourlyVolumeStore>().ReadAsync("graham-nkosi", Now.AddDays(-30), Now);
        Assert.Equal(3, volumes.Sum(v => v.Count));

        var listing = await scenario.Deployment.RunCliAsync("matches", "--entity", "graham-nkosi", "--since", "2026-10-31T00:00:00Z", "--until", "2026-12-01T00:00:00Z", "--format", "json");
        Assert.Equal(3, JsonDocument.Parse(listing.Output).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task ATopicQueryNarrowedLosesExactlyTheRowsItNoLongerMatchesAndTheBlobKeepsTheHistory()
    {
        await using var scenario = await BackfillScenario.StartAsync(environment, Now);
        var runner = scenario.Services.GetRequiredService<BackfillRunner>();
        await runner.RunAsync(Now.AddDays(-90), []);
        var miningBefore = (await RowsAsync(scenario, "mining")).Select(r => r.ArticleId).ToHashSet(StringComparer.Ordinal);
        await scenario.WriteWatchlistAsync(BackfillScenario.Narrowed);

        var run = await runner.RunAsync(Now.AddDays(-30), ["mining"]);

        var lost = new[] { 3, 4, 10 }.Select(BackfillScenario.IdOf).ToHashSet(StringComparer.Ordinal);
        var miningAfter = (await RowsAsync(scenario, "mining")).Select(r => r.ArticleId).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(miningBefore.Except(lost).Order(StringComparer.Ordinal), miningAfter.Order(StringComparer.Ordinal));
        Assert.Equal((0, 3), (run.Job.Added, run.Job.Removed));

        // Story 3 matched only the topic: it leaves the day listing and counts as unmatched, its blob keeps the history.
        Assert.Null(await DayRowAsync(scenario, 3));
        var seen = await new SeenArticleStore(scenario.Deployment.Storage).GetAsync(BackfillScenario.IdOf(3));
        Assert.Equal(SeenStatus.Unmatched, seen!.Status);
        var store = scenario.Services.GetRequiredService<MatchStore>();
        var gone = (await store.GetArticleAsync(BackfillScenario.IdOf(3)))!;
        Assert.Empty(gone.Entities);
        Assert.Equal(("mining", EntityChange.Removed), (Assert.Single(gone.Changes).EntityId, gone.Changes[0].Action));

        // Story 4 keeps Ada Obi: its day row and her row list her alone.
        Assert.Equal("ada-obi", (await DayRowAsync(scenario, 4))!.Entities);
        Assert.Equal("ada-obi", (await RowsAsync(scenario, "ada-obi")).Single(r => r.ArticleId == BackfillScenario.IdOf(4)).Entities);
        var kept = (await store.GetArticleAsync(BackfillScenario.IdOf(4)))!;
        Assert.Equal(["ada-obi"], kept.Entities.Select(e => e.Id));
        Assert.All(kept.Mentions, m => Assert.Equal("ada-obi", m.EntityId));
        var volumes = await scenario.Services.GetRequiredService<HourlyVolumeStore>().ReadAsync("mining", Now.AddDays(-30), Now);
        Assert.Equal(miningAfter.Count, volumes.Sum(v => v.Count));
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task ABackfillStoppedAtAnyPointAndRunAgainEndsAsOneThatWasNeverStopped()
    {
        await using var whole = await BackfillScenario.StartAsync(environment, Now);
        await using var stopped = await BackfillScenario.StartAsync(environment, Now);
        foreach (var scenario in new[] { whole, stopped })
        {
            await scenario.Services.GetRequiredService<BackfillRunner>().RunAsync(Now.AddDays(-90), []);
            await scenario.WriteWatchlistAsync(BackfillScenario.WithNkosiNarrowed);
        }

        var expected = await whole.Services.GetRequiredService<BackfillRunner>().RunAsync(Now.AddDays(-30), ["graham-nkosi", "mining"]);

        // Stopped again and again until a run gets through: stops fall between any two writes. The stop comes later only
        // after an attempt that got no further, so a slow machine cannot jump from the first block to the end in one step.
        // A stop that falls after the job's last write ends a run that did get through (running it again would be a new job).
        var runner = stopped.Services.GetRequiredService<BackfillRunner>();
        var store = stopped.Services.GetRequiredService<BackfillStore>();
        var stopsMidJob = 0;
        var blocksDone = 0;
        BackfillJob? finished = null;
        for (var delay = 5; finished is null;)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(delay));
            try
            {
                finished = (await runner.RunAsync(Now.AddDays(-30), ["graham-nkosi", "mining"], cancellationToken: stop.Token)).Job;
            }
            catch (Exception ex) when (stop.IsCancellationRequested && ex is OperationCanceledException or Azure.RequestFailedException or AggregateException)
            {
                var job = await store.GetJobAsync(expected.Job.Id);
                if (job is { IsDone: true })
                {
                    finished = job;
                }
                else if (job is { BlocksDone: > 0 })
                {
                    stopsMidJob++;
                }

                if ((job?.BlocksDone ?? 0) <= blocksDone)
                {
                    delay += 7;
                }

                blocksDone = job?.BlocksDone ?? 0;
            }
        }

        Assert.True(stopsMidJob >= 2, $"only {stopsMidJob} stops came after a block was done and before the job was");
        Assert.Equal(expected.Job.Id, finished.Id);
        Assert.Equal((expected.Job.BlocksTotal, expected.Job.Articles, expected.Job.Added, expected.Job.Removed), (finished.BlocksDone, finished.Articles, finished.Added, finished.Removed));
        Assert.Equal((3, 3), (finished.Added, finished.Removed));
        var want = await whole.SnapshotAsync();
        var got = await stopped.SnapshotAsync();
        Assert.Equal(want.Keys, got.Keys);
        Assert.All(want, entry => Assert.Equal(entry.Value, got[entry.Key]));
    }

    [Fact]
    public async Task AWatchlistChangeIsBackfilledByTheNextRunAndPlanningItTwiceMakesOneJob()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", () => LoopbackServer.Rss(string.Concat(
            BackfillScenario.Bodies.Select((body, i) => $"<item><title>Story {i}</title><link>/story/{i}</link><description>{body}</description></item>")))));
        var deployment = environment.NewDeployment();
        deployment.Settings["Monitor:WatchlistPath"] = Path.Combine(deployment.Folder, "watchlist.json");
        deployment.Settings["Monitor:FullTextMinWords"] = "0";
        await File.WriteAllTextAsync(deployment.Settings["Monitor:WatchlistPath"]!, BackfillScenario.Watchlist);
        await File.WriteAllTextAsync(deployment.Settings["Monitor:FeedsPath"]!, $$"""{"feeds":[{"id":"wire","url":"{{server.Url("/feed")}}"}]}""");

        var first = await deployment.RunCliAsync("run", "--once");
        var afterFirst = await StatusAsync(deployment);
        await File.WriteAllTextAsync(deployment.Settings["Monitor:WatchlistPath"]!, BackfillScenario.WithNkosi);
        File.SetLastWriteTimeUtc(deployment.Settings["Monitor:WatchlistPath"]!, DateTime.UtcNow.AddSeconds(1));
        var second = await deployment.RunCliAsync("run", "--once");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        var empty = Assert.Single(afterFirst);
        Assert.Equal((BackfillJob.Done, 0, "auto"), (empty.GetProperty("state").GetString(), empty.GetProperty("blocksTotal").GetInt32(), empty.GetProperty("trigger").GetString()));
        var jobs = await StatusAsync(deployment);
        Assert.Equal(2, jobs.Count);
        var applied = jobs[0];
        Assert.Equal(BackfillJob.Done, applied.GetProperty("state").GetString());
        Assert.Equal(applied.GetProperty("blocksTotal").GetInt32(), applied.GetProperty("blocksDone").GetInt32());
        Assert.Equal(3, applied.GetProperty("added").GetInt32());
        Assert.DoesNotContain("backfill:", first.Output, StringComparison.Ordinal);
        Assert.Contains($"backfill: {applied.GetProperty("blocksTotal").GetInt32()} archive blocks applied, 3 matches added, 0 removed", second.Output, StringComparison.Ordinal);
        var entity = Assert.Single(applied.GetProperty("entities").EnumerateArray());
        Assert.Equal(("graham-nkosi", "Graham Nkosi", "added", 3), (entity.GetProperty("id").GetString(), entity.GetProperty("name").GetString(), entity.GetProperty("change").GetString(), entity.GetProperty("added").GetInt32()));
        var listing = await deployment.RunCliAsync("matches", "--entity", "graham-nkosi", "--since", "30d", "--format", "json");
        Assert.Equal(3, JsonDocument.Parse(listing.Output).RootElement.GetArrayLength());
        var table = await deployment.RunCliAsync("backfill", "--status");
        Assert.Contains("graham-nkosi", table.Output, StringComparison.Ordinal);

        await File.WriteAllTextAsync(deployment.Settings["Monitor:WatchlistPath"]!, BackfillScenario.WithNkosiNarrowed);
        File.SetLastWriteTimeUtc(deployment.Settings["Monitor:WatchlistPath"]!, DateTime.UtcNow.AddSeconds(2));
        await using var services = deployment.BuildServices();
        var planner = services.GetRequiredService<BackfillPlanner>();
        var once = await planner.PlanAutomaticAsync();
        var twice = await planner.PlanAutomaticAsync();

        Assert.Equal(once!.Id, twice!.Id);
        Assert.Equal(["mining"], once.Entities.Keys);
        Assert.Equal(3, (await StatusAsync(deployment)).Count);
        var queued = (await deployment.Storage.BackfillQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        Assert.Equal(once.BlocksTotal, queued);
    }

    [Fact]
    public async Task ABacktestReportsExactlyTheGainsAndLossesTheBackfillThenMakes()
    {
        await using var scenario = await BackfillScenario.StartAsync(environment, Now);
        var runner = scenario.Services.GetRequiredService<BackfillRunner>();
        await runner.RunAsync(Now.AddDays(-90), []);
        var before = await EntityRowsAsync(scenario);
        var proposed = WatchlistLoader.Parse(Encoding.UTF8.GetBytes(BackfillScenario.WithNkosiNarrowed), "proposed.json");

        var report = await scenario.Services.GetRequiredService<Backtest>().RunAsync(proposed, Now.AddDays(-30), Now);
        await scenario.WriteWatchlistAsync(BackfillScenario.WithNkosiNarrowed);
        var run = await runner.RunAsync(Now.AddDays(-30), []);

        var after = await EntityRowsAsync(scenario);
        Assert.Equal((3, 3), (report.Gained, report.Lost));
        Assert.Equal((report.Gained, report.Lost), (run.Job.Added, run.Job.Removed));
        foreach (var entity in report.Entities)
        {
            var had = before.GetValueOrDefault(entity.Id, []);
            var has = after.GetValueOrDefault(entity.Id, []);
            Assert.Equal(has.Except(had).Order(StringComparer.Ordinal), entity.GainedExamples.Select(e => e.ArticleId).Order(StringComparer.Ordinal));
            Assert.Equal(had.Except(has).Order(StringComparer.Ordinal), entity.LostExamples.Select(e => e.ArticleId).Order(StringComparer.Ordinal));
            Assert.Equal((has.Except(had).Count(), had.Except(has).Count()), (entity.Gained, entity.Lost));
        }
    }

    [Theory]
    [InlineData("--entity nobody-at-all", "--entity: \"nobody-at-all\" is not an entity on the watchlist")]
    [InlineData("--since yesterday", "--since \"yesterday\"")]
    [InlineData("", "--since")]
    public async Task ABackfillByHandRefusesBadInputNamingIt(string arguments, string named)
    {
        await using var scenario = await BackfillScenario.StartAsync(environment, DateTimeOffset.UtcNow, processBodies: false);
        string[] args = ["backfill", .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        if (!arguments.StartsWith("--since", StringComparison.Ordinal) && arguments.Length > 0)
        {
            args = [.. args, "--since", "30d"];
        }

        var result = await scenario.Deployment.RunCliAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
    }

    private static async Task<List<JsonElement>> StatusAsync(TestDeployment deployment)
    {
        var status = await deployment.RunCliAsync("backfill", "--status", "--format", "json");
        Assert.Equal(0, status.ExitCode);
        return [.. JsonDocument.Parse(status.Output).RootElement.EnumerateArray()];
    }

    /// <summary>The articles each entity's partition lists (day partitions left out).</summary>
    private static async Task<Dictionary<string, HashSet<string>>> EntityRowsAsync(BackfillScenario scenario)
    {
        var rows = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await foreach (var row in scenario.Deployment.Storage.MatchIndex.QueryAsync<MatchIndexRow>())
        {
            if (!row.PartitionKey.StartsWith(MatchIndexRow.DayPartitionPrefix, StringComparison.Ordinal))
            {
                (rows.TryGetValue(row.PartitionKey, out var ids) ? ids : rows[row.PartitionKey] = new HashSet<string>(StringComparer.Ordinal)).Add(row.ArticleId);
            }
        }

        return rows;
    }

    private static async Task<List<MatchIndexRow>> RowsAsync(BackfillScenario scenario, string partition)
        => await scenario.Deployment.Storage.MatchIndex.QueryAsync<MatchIndexRow>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")).ToListAsync();

    private static async Task<MatchIndexRow?> DayRowAsync(BackfillScenario scenario, int story)
    {
        var at = scenario.DiscoveredAt(story);
        var row = await scenario.Deployment.Storage.MatchIndex.GetEntityIfExistsAsync<MatchIndexRow>(MatchIndexRow.DayPartition(at), MatchIndexRow.RowKeyFor(at, BackfillScenario.IdOf(story)));
        return row.HasValue ? row.Value : null;
    }

    /// <summary>The snapshot without what belongs to <paramref name="articles"/>.</summary>
    private static List<KeyValuePair<string, string>> Untouched(SortedDictionary<string, string> snapshot, List<string> articles)
        => [.. snapshot.Where(entry => !articles.Exists(id => entry.Key.Contains(id, StringComparison.Ordinal)))];
}
