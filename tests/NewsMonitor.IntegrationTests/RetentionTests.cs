using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Articles;
using NewsMonitor.Feeds;
using NewsMonitor.Hosting;
using NewsMonitor.Lifecycle;
using NewsMonitor.Matching;
using NewsMonitor.Reviews;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.IntegrationTests;

/// <summary>Each retention window deletes what is older than it, in every table and container it covers, and nothing newer.</summary>
[Collection(SharedAzurite.Name)]
public sealed class RetentionTests(LocalEnvironment environment)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 30, 0, TimeSpan.Zero);

    /// <summary>Matches: 30 days, so the first day kept is 31 October (the cutoff, 31 October 12:30, falls inside it).</summary>
    private static readonly DateTimeOffset FirstKeptDay = new(2026, 10, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>SeenArticles: 60 days, whole UTC days as for matches, so the first day kept is 1 October.</summary>
    private static readonly DateTimeOffset FirstKeptSeenDay = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EachWindowDeletesWhatIsOlderThanItAndNothingNewer()
    {
        var (deployment, services) = await DeployAsync();
        await using var _ = services;
        var seen = services.GetRequiredService<SeenArticleStore>();
        await seen.ClaimForQueueAsync("aa01", "wire", new Uri("https://news.example.org/old"), FirstKeptSeenDay.AddMinutes(-1), "p");
        await seen.ClaimForQueueAsync("aa02", "wire", new Uri("https://news.example.org/kept"), FirstKeptSeenDay.AddMinutes(1), "p");
        var expired = await SaveMatchAsync(services, "expired", FirstKeptDay.AddMinutes(-10));
        var kept = await SaveMatchAsync(services, "kept", FirstKeptDay.AddMinutes(10));
        var digests = services.GetRequiredService<DigestStore>();
        await digests.SaveDigestAsync("desk", Now.AddDays(-10).AddMinutes(-1), "<p>old</p>", "old");
        await digests.SaveDigestAsync("desk", Now.AddDays(-10).AddMinutes(1), "<p>kept</p>", "kept");

        var outcome = await services.GetRequiredService<DataRetention>().ApplyToTablesAsync();
        var blobs = await services.GetRequiredService<DataRetention>().ApplyToBlobsAsync();

        Assert.Equal(new RetentionOutcome(1, new ExpiredMatches(Days: 1, IndexRows: 3, VolumeRows: 2, ReviewRows: 2)), outcome);
        Assert.Equal(3, blobs);
        Assert.Equal(["aa02"], await KeysAsync(deployment.Storage.SeenArticles, row => row.RowKey));
        Assert.Equal(["20261001/aa02", Indexed], await KeysAsync(deployment.Storage.SeenArticleDays, row => $"{row.PartitionKey}/{row.RowKey}"));
        Assert.All(await KeysAsync(deployment.Storage.MatchIndex, row => row.RowKey), key => Assert.EndsWith(kept, key, StringComparison.Ordinal));
        Assert.Equal(3, (await KeysAsync(deployment.Storage.MatchIndex, row => row.RowKey)).Count);
        Assert.Equal(["topic-a", "vladimir-putin"], await KeysAsync(deployment.Storage.EntityVolume, row => row.PartitionKey));
        Assert.Equal([kept, kept], await KeysAsync(deployment.Storage.Reviews, row => row.PartitionKey));
        Assert.Equal([StoredArticle.BlobPathFor(kept, FirstKeptDay.AddMinutes(10))], await BlobNamesAsync(deployment.Storage.Matches.GetBlobsAsync()));
        Assert.Equal(["desk/2026-11-20T1231.html", "desk/2026-11-20T1231.txt"], await BlobNamesAsync(deployment.Storage.Digests.GetBlobsAsync()));
        Assert.Null(await services.GetRequiredService<MatchStore>().GetRowAsync("vladimir-putin", Stored(expired, FirstKeptDay.AddMinutes(-10))));
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task ASecondPassFindsNothingLeftAndTheTimerStageRunsTheSamePass()
    {
        var (deployment, services) = await DeployAsync();
        await using var _ = services;
        await SaveMatchAsync(services, "expired", FirstKeptDay.AddDays(-3));
        await SaveMatchAsync(services, "expired-too", FirstKeptDay.AddDays(-2));

        await PipelineStages.ApplyRetention.RunAsync(services);
        var again = await services.GetRequiredService<DataRetention>().ApplyToTablesAsync();

        Assert.Equal(RetentionOutcome.None, again);
        Assert.Empty(await KeysAsync(deployment.Storage.MatchIndex, row => row.RowKey));
        Assert.Empty(await KeysAsync(deployment.Storage.EntityVolume, row => row.RowKey));
    }

    [Fact]
    public async Task MoreExpiredRowsThanOneTransactionTakesAreAllDeleted()
    {
        var (deployment, services) = await DeployAsync();
        await using var _ = services;
        var seen = services.GetRequiredService<SeenArticleStore>();
        var ids = Enumerable.Range(0, 250).Select(i => $"ab{i:D4}").ToList();
        await Parallel.ForEachAsync(ids, async (id, ct) => await seen.ClaimForQueueAsync(id, "wire", new Uri($"https://news.example.org/{id}"), Now.AddDays(-100), "p", ct));

        var outcome = await services.GetRequiredService<DataRetention>().ApplyToTablesAsync();

        Assert.Equal(250, outcome.SeenArticles);
        Assert.Empty(await KeysAsync(deployment.Storage.SeenArticles, row => row.RowKey));
    }

    [Fact]
    public async Task RowsWrittenBeforeTheDayTableExistedAreGivenTheirDaysAndExpireByThem()
    {
        var clock = new FakeTimeProvider(Now);
        var (deployment, services) = await DeployAsync(clock);
        await using var _ = services;
        await deployment.Storage.SeenArticles.AddEntityAsync(Legacy("ac01", FirstKeptSeenDay.AddDays(-1)));
        await deployment.Storage.SeenArticles.AddEntityAsync(Legacy("ac02", FirstKeptSeenDay.AddDays(31).AddHours(23)));
        var retention = services.GetRequiredService<DataRetention>();

        var first = await retention.ApplyToTablesAsync();

        Assert.Equal(1, first.SeenArticles);
        Assert.Equal(["ac02"], await KeysAsync(deployment.Storage.SeenArticles, row => row.RowKey));
        Assert.Equal(["20261101/ac02", Indexed], await KeysAsync(deployment.Storage.SeenArticleDays, row => $"{row.PartitionKey}/{row.RowKey}"));

        clock.Advance(TimeSpan.FromDays(32));
        var second = await retention.ApplyToTablesAsync();

        Assert.Equal(1, second.SeenArticles);
        Assert.Empty(await KeysAsync(deployment.Storage.SeenArticles, row => row.RowKey));
        Assert.Equal([Indexed], await KeysAsync(deployment.Storage.SeenArticleDays, row => $"{row.PartitionKey}/{row.RowKey}"));
    }

    [Fact]
    public async Task RetentionReadsTheExpiredDaysNotEveryRowTheTableKeeps()
    {
        var (deployment, services) = await DeployAsync();
        await using var _ = services;
        var retention = services.GetRequiredService<DataRetention>();
        await retention.ApplyToTablesAsync();

        // A row with no day row, which no claim writes once the table is indexed: only a scan of every row would find it.
        await deployment.Storage.SeenArticles.AddEntityAsync(Legacy("ae01", FirstKeptSeenDay.AddDays(-5)));
        var outcome = await retention.ApplyToTablesAsync();

        Assert.Equal(0, outcome.SeenArticles);
        Assert.Equal(["ae01"], await KeysAsync(deployment.Storage.SeenArticles, row => row.RowKey));
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task OnlyTheClaimThatCreatedARowWritesItsDayUnderTheRowsOwnDay()
    {
        var (deployment, services) = await DeployAsync();
        await using var _ = services;
        var seen = services.GetRequiredService<SeenArticleStore>();
        var url = new Uri("https://news.example.org/story");
        Assert.True(await seen.ClaimForQueueAsync("af01", "wire", url, Now.AddHours(-13), "poll-1"));
        Assert.Equal(["20261129/af01"], await KeysAsync(deployment.Storage.SeenArticleDays, row => $"{row.PartitionKey}/{row.RowKey}"));

        // The first delivery of poll-1 stopped after creating the row, before its day row; the redelivery writes it, under the row's day.
        await deployment.Storage.SeenArticleDays.DeleteEntityAsync("20261129", "af01");
        Assert.True(await seen.ClaimForQueueAsync("af01", "wire", url, Now, "poll-1"));
        Assert.False(await seen.ClaimForQueueAsync("af01", "other", url, Now, "poll-2"));
        Assert.Equal("af01", await seen.ClaimCanonicalAsync("af0c", url, "af01", "wire", Now));
        Assert.Equal("af01", await seen.ClaimCanonicalAsync("af0c", url, "af02", "other", Now.AddDays(1)));

        Assert.Equal(["20261129/af01", "20261130/af0c"], await KeysAsync(deployment.Storage.SeenArticleDays, row => $"{row.PartitionKey}/{row.RowKey}"));
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task ABatchWithARowAlreadyGoneStillDeletesTheOthers()
    {
        var (deployment, services) = await DeployAsync();
        await using var _ = services;
        var table = deployment.Storage.SeenArticles;
        await table.AddEntityAsync(new TableEntity("ab", "ab01"));
        await table.AddEntityAsync(new TableEntity("ab", "ab03"));

        var deleted = await TableDeletes.DeleteAsync(table, [("ab", "ab01"), ("ab", "ab02"), ("ab", "ab03")]);

        Assert.Equal(3, deleted);
        Assert.Empty(await KeysAsync(table, row => row.RowKey));
    }

    /// <summary>Stores a match of two entities, as the article stage does, and a review of it (current row and one history row).</summary>
    private static async Task<string> SaveMatchAsync(ServiceProvider services, string slug, DateTimeOffset at)
    {
        var url = new Uri($"https://news.example.org/{slug}");
        var articleId = ArticleId.FromCanonicalUrl(CanonicalUrl.Normalize(url));
        await services.GetRequiredService<MatchStore>().SaveAsync(Stored(articleId, at));
        await services.GetRequiredService<ReviewStore>().TrySaveAsync(articleId, new ReviewEntry(ReviewStates.Relevant, false, null, null, "analyst", at.AddHours(1)), null);
        return articleId;
    }

    private static StoredArticle Stored(string articleId, DateTimeOffset at)
    {
        var url = new Uri($"https://news.example.org/{articleId}");
        EntityMatch[] entities = [new("vladimir-putin", EntityKind.Figure, "Vladimir Putin", 1, 0.9), new("topic-a", EntityKind.Topic, "Topic A", 1, 0.5)];
        return new StoredArticle(articleId, "wire", url, url, "Story", at, at, at, TextOrigin.Feed, null, "en", "Vladimir Putin spoke.", "v1", entities, []);
    }

    private static string Indexed => $"{SeenArticleDays.IndexedPartition}/{SeenArticleDays.IndexedRow}";

    /// <summary>A row as the pipeline wrote it before <c>SeenArticleDays</c> existed: no day row.</summary>
    private static SeenArticle Legacy(string id, DateTimeOffset firstSeen)
        => new() { PartitionKey = SeenArticle.PartitionFor(id), RowKey = id, FeedId = "wire", Url = $"https://news.example.org/{id}", FirstSeen = firstSeen, Status = SeenStatus.Matched };

    private async Task<(TestDeployment Deployment, ServiceProvider Services)> DeployAsync(FakeTimeProvider? clock = null)
    {
        var deployment = environment.NewDeployment();
        deployment.Settings["Monitor:ArchiveRetention"] = "30";
        deployment.Settings["Monitor:Retention:SeenArticles"] = "60";
        deployment.Settings["Monitor:Retention:Matches"] = "30";
        deployment.Settings["Monitor:Retention:Digests"] = "10";
        var services = deployment.BuildServices(clock ?? new FakeTimeProvider(Now));
        await deployment.Storage.EnsureCreatedAsync();
        return (deployment, services);
    }

    private static async Task<List<string>> KeysAsync(TableClient table, Func<TableEntity, string> key)
    {
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            keys.Add(key(row));
        }

        return keys;
    }

    private static async Task<List<string>> BlobNamesAsync(IAsyncEnumerable<Azure.Storage.Blobs.Models.BlobItem> blobs)
    {
        var names = new List<string>();
        await foreach (var blob in blobs)
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
