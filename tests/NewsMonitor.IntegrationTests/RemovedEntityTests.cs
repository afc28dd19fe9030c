using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Articles;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Matching;
using NewsMonitor.Reading;
using NewsMonitor.Reviews;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// An entity taken off the watchlist (Steve Witkoff) disappears from listings, entity views and digests at once, and
/// <c>monitor purge</c> deletes what it left in storage, on Azurite.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class RemovedEntityTests(LocalEnvironment environment) : IAsyncLifetime
{
    private const string Removed = "steve-witkoff";
    private static readonly DateTimeOffset Now = new(2025, 6, 15, 10, 30, 0, TimeSpan.Zero);

    // Witkoff only; Witkoff with Trump; Trump only.
    private static readonly string OnlyRemoved = Id(1), Shared = Id(2), OnlyLive = Id(3);

    private readonly TestDeployment deployment = environment.NewDeployment();

    public async Task InitializeAsync()
    {
        await deployment.Storage.EnsureCreatedAsync();
        await using var services = deployment.BuildServices(new FakeTimeProvider(Now));
        var store = services.GetRequiredService<MatchStore>();
        await store.SaveAsync(Article(OnlyRemoved, Now.AddHours(-3), Removed));
        await store.SaveAsync(Article(Shared, Now.AddHours(-2), Removed, "donald-trump"));
        await store.SaveAsync(Article(OnlyLive, Now.AddHours(-1), "donald-trump"));
        await store.StampReviewAsync(Article(Shared, Now.AddHours(-2), Removed, "donald-trump"), new ReviewMark(ReviewStates.Relevant, Starred: true));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheEverythingListingDropsTheRemovedEntityAndHidesArticlesThatMatchedOnlyIt()
    {
        RemoveFromWatchlist();
        await using var services = deployment.BuildServices(new FakeTimeProvider(Now));

        var page = await services.GetRequiredService<MatchFinder>().FindAsync(Query());

        Assert.Equal([OnlyLive, Shared], page.Items.Select(i => i.ArticleId));
        Assert.All(page.Items, i => Assert.Equal(["donald-trump"], i.Entities.Select(e => e.Id)));
    }

    [Fact]
    public async Task TheRemovedEntitysOwnListingIsEmptyAndItsArticlesNoLongerNameItElsewhere()
    {
        RemoveFromWatchlist();
        await using var services = deployment.BuildServices(new FakeTimeProvider(Now));
        var finder = services.GetRequiredService<MatchFinder>();

        var removed = await finder.FindAsync(Query(Removed));
        var trump = await finder.FindAsync(Query("donald-trump"));
        var view = await services.GetRequiredService<EntityViewReader>().GetAsync("donald-trump");

        Assert.Empty(removed.Items);
        Assert.Equal([OnlyLive, Shared], trump.Items.Select(i => i.ArticleId));
        Assert.DoesNotContain(trump.Items.SelectMany(i => i.Entities), e => e.Id == Removed);
        Assert.DoesNotContain(view!.Latest.SelectMany(i => i.Entities), e => e.Id == Removed);
        Assert.Null(await services.GetRequiredService<EntityViewReader>().GetAsync(Removed));
    }

    [Fact]
    public async Task TheCliListsNeitherTheRemovedEntityNorItsMatches()
    {
        RemoveFromWatchlist();

        var entities = await deployment.RunCliAsync("entities", "--format", "json");
        var matches = await deployment.RunCliAsync("matches", "--entity", Removed, "--since", "30000d");

        Assert.Equal(0, entities.ExitCode);
        using var json = JsonDocument.Parse(entities.Output);
        Assert.DoesNotContain(json.RootElement.EnumerateArray(), e => e.GetProperty("id").GetString() == Removed);
        // Asked for by name, a removed entity is an unknown one: a usage error, not an empty listing.
        Assert.Equal(2, matches.ExitCode);
        Assert.Contains($"--entity: \"{Removed}\" is not an entity on the watchlist", matches.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADigestForEveryEntityOrNamingTheRemovedOneLeavesItOut()
    {
        RemoveFromWatchlist();
        UseSubscriptions("""{"id":"all","name":"All"}""", $$"""{"id":"named","name":"Named","entities":["{{Removed}}","donald-trump"]}""");
        await using var services = deployment.BuildServices(new FakeTimeProvider(Now));
        var runner = services.GetRequiredService<DigestRunner>();

        foreach (var subscription in await services.GetRequiredService<NewsMonitor.Configuration.MonitorConfiguration>().GetSubscriptionsAsync())
        {
            var digest = await runner.PreviewAsync(subscription, Now.AddDays(-1));
            var text = NewsMonitor.Delivery.Digests.DigestRenderer.Text(digest);

            Assert.Equal(["donald-trump"], digest.Sections.Select(s => s.EntityId));
            Assert.Equal([Shared, OnlyLive], digest.Sections.Single().Items.Select(i => i.ArticleId).Order(StringComparer.Ordinal));
            Assert.DoesNotContain("Steve Witkoff", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PurgeRefusesAnEntityStillOnTheWatchlistAndNamesIt()
    {
        var result = await deployment.RunCliAsync("purge", "--entity", Removed, "--yes");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"entity \"{Removed}\" is still on the watchlist", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await RowsAsync(Removed)).Count);
    }

    [Fact]
    public async Task PurgeWithoutYesOnlyCounts()
    {
        RemoveFromWatchlist();
        var before = await SnapshotAsync();

        var result = await deployment.RunCliAsync("purge", "--entity", Removed);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{Removed}: 2 matched article(s) and 2 hourly volume row(s) would be purged", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task PurgeDeletesTheEntitysRowsAndItsTracesAndKeepsEverythingElse()
    {
        RemoveFromWatchlist();

        var result = await deployment.RunCliAsync("purge", "--entity", Removed, "--yes");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("purged 2 index row(s) and 2 hourly volume row(s); 2 other row(s) and 2 stored article(s) no longer list it; 1 day row(s) deleted", result.Output, StringComparison.Ordinal);
        await AssertPurgedAsync();
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task APurgeRunTwiceEndsAsOneRun()
    {
        RemoveFromWatchlist();
        Assert.Equal(0, (await deployment.RunCliAsync("purge", "--entity", Removed, "--yes")).ExitCode);
        var once = await SnapshotAsync();

        var again = await deployment.RunCliAsync("purge", "--entity", Removed, "--yes");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("purged 0 index row(s) and 0 hourly volume row(s); 0 other row(s) and 0 stored article(s) no longer list it; 0 day row(s) deleted", again.Output, StringComparison.Ordinal);
        Assert.Equal(once, await SnapshotAsync());
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task APurgeKilledAtAnyPointAndRunAgainEndsAsOneRun()
    {
        RemoveFromWatchlist();
        await using var services = deployment.BuildServices();
        var purge = services.GetRequiredService<EntityPurge>();

        // Stopped ever later: each attempt gets further through the rows, blobs and volume before it is cut off.
        var stopped = 0;
        for (var delay = 0; delay <= 120; delay += 15)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(delay));
            try
            {
                await purge.PurgeAsync(Removed, stop.Token);
            }
            catch (Exception ex) when (stop.IsCancellationRequested && ex is OperationCanceledException or Azure.RequestFailedException or AggregateException)
            {
                // The SDK reports a request cut off mid-flight as any of these, depending on where the stop lands.
                stopped++;
            }
        }

        await purge.PurgeAsync(Removed);

        Assert.True(stopped > 0, "no attempt was stopped part-way");

        await AssertPurgedAsync();
    }

    private async Task AssertPurgedAsync()
    {
        Assert.Empty(await RowsAsync(Removed));
        Assert.Empty(await VolumeAsync(Removed));
        Assert.NotEmpty(await VolumeAsync("donald-trump"));

        // The article that matched only Witkoff leaves the day listing; the shared one stays, its review kept.
        var day = await RowsAsync(MatchIndexRow.DayPartition(Now));
        Assert.Equal([Shared, OnlyLive], day.Select(r => r.GetString(nameof(MatchIndexRow.ArticleId))).Order(StringComparer.Ordinal));
        var sharedDay = day.Single(r => r.GetString(nameof(MatchIndexRow.ArticleId)) == Shared);
        Assert.Equal("donald-trump", sharedDay.GetString(nameof(MatchIndexRow.Entities)));
        Assert.Equal(("figure", 0.5), (sharedDay.GetString(nameof(MatchIndexRow.Kind)), sharedDay.GetDouble(nameof(MatchIndexRow.Score))));
        Assert.Equal((ReviewStates.Relevant, true), (sharedDay.GetString(nameof(MatchIndexRow.ReviewState)), sharedDay.GetBoolean(nameof(MatchIndexRow.Starred))));
        var sharedTrump = (await RowsAsync("donald-trump")).Single(r => r.GetString(nameof(MatchIndexRow.ArticleId)) == Shared);
        Assert.Equal(("donald-trump", "donald-trump|figure|1|0.5"), (sharedTrump.GetString(nameof(MatchIndexRow.Entities)), sharedTrump.GetString(nameof(MatchIndexRow.EntityDetails))));

        // The blobs stay, without the entity.
        foreach (var id in new[] { OnlyRemoved, Shared })
        {
            var blob = await BlobAsync(id);
            Assert.DoesNotContain(blob["entities"]!.AsArray(), e => e!["id"]!.GetValue<string>() == Removed);
            Assert.DoesNotContain(blob["mentions"]!.AsArray(), m => m!["entityId"]!.GetValue<string>() == Removed);
            Assert.Equal(id, blob["articleId"]!.GetValue<string>());
        }

        Assert.Equal(["donald-trump"], (await BlobAsync(Shared))["entities"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()));
        Assert.Equal(3, (await deployment.MatchedBlobPathsAsync()).Count);
    }

    private static MatchQuery Query(params string[] entities) => new(entities, Now.AddDays(-1), Now, 50);

    private void RemoveFromWatchlist()
    {
        var watchlist = JsonNode.Parse(File.ReadAllText(Path.Combine(LocalEnvironment.RepositoryRoot, "seeds", "watchlist.json")))!.AsObject();
        var figures = watchlist["figures"]!.AsArray();
        figures.Remove(figures.Single(f => f!["id"]!.GetValue<string>() == Removed));
        var path = Path.Combine(deployment.Folder, "watchlist.json");
        File.WriteAllText(path, watchlist.ToJsonString());
        deployment.Settings["Monitor:WatchlistPath"] = path;
    }

    private void UseSubscriptions(params string[] subscriptions)
    {
        var path = Path.Combine(deployment.Folder, "subscriptions.json");
        File.WriteAllText(path, $$"""{"subscriptions":[{{string.Join(',', subscriptions)}}]}""");
        deployment.Settings["Monitor:SubscriptionsPath"] = path;
    }

    private async Task<List<TableEntity>> RowsAsync(string partition)
        => await deployment.Storage.MatchIndex.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")).ToListAsync();

    private async Task<List<TableEntity>> VolumeAsync(string entityId)
        => await deployment.Storage.EntityVolume.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {entityId}")).ToListAsync();

    private async Task<JsonObject> BlobAsync(string articleId)
    {
        var content = await deployment.Storage.Matches.GetBlobClient(StoredArticle.BlobPathFor(articleId, Now.AddHours(articleId == OnlyRemoved ? -3 : -2))).DownloadContentAsync();
        return JsonNode.Parse(content.Value.Content.ToString())!.AsObject();
    }

    /// <summary>Every index and volume row (without its timestamp and ETag) and every blob, as one comparable text.</summary>
    private async Task<string> SnapshotAsync()
    {
        var lines = new List<string>();
        foreach (var (name, table) in new[] { ("index", deployment.Storage.MatchIndex), ("volume", deployment.Storage.EntityVolume) })
        {
            await foreach (var row in table.QueryAsync<TableEntity>())
            {
                lines.Add($"{name} {row.PartitionKey} {row.RowKey} " + string.Join(' ', row.Keys.Where(k => k is not ("Timestamp" or "odata.etag")).Order(StringComparer.Ordinal).Select(k => $"{k}={Convert.ToString(row[k], CultureInfo.InvariantCulture)}")));
            }
        }

        foreach (var path in (await deployment.MatchedBlobPathsAsync()).Order(StringComparer.Ordinal))
        {
            lines.Add($"blob {path} {(await deployment.Storage.Matches.GetBlobClient(path).DownloadContentAsync()).Value.Content}");
        }

        return string.Join('\n', lines);
    }

    private static string Id(int i) => i.ToString("x32", CultureInfo.InvariantCulture);

    private static StoredArticle Article(string id, DateTimeOffset at, params string[] figures)
    {
        var url = new Uri($"https://news.example/{id}");
        return new StoredArticle(
            id, "bbc", url, url, $"Story {id}", at, at, at, TextOrigin.Feed, null, "en", "Steve Witkoff and Donald Trump", "test",
            figures.Select(f => new EntityMatch(f, EntityKind.Figure, f, 1, f == Removed ? 0.9 : 0.5)).ToList(),
            figures.Select(f => new Mention(f, EntityKind.Figure, f, TextField.Body, 0, 4, "text", 0)).ToList());
    }
}
