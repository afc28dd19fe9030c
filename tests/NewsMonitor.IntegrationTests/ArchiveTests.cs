using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Archive;
using NewsMonitor.Articles;
using NewsMonitor.Storage;

namespace NewsMonitor.IntegrationTests;

/// <summary>Every processed article's text is kept, once, in hour blocks, for the retention window and no longer.</summary>
[Collection(SharedAzurite.Name)]
public sealed class ArchiveTests(LocalEnvironment environment)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task ARunArchivesEveryArticleItProcessedMatchedOrNot()
    {
        var deployment = environment.NewDeployment();

        var run = await deployment.RunCliAsync("run", "--once");

        Assert.Equal(0, run.ExitCode);
        await using var services = deployment.BuildServices();
        var archive = services.GetRequiredService<ArticleArchive>();
        var archived = await ReadAllAsync(archive, DateTimeOffset.UtcNow.AddHours(-2), DateTimeOffset.UtcNow.AddHours(1));
        var seen = new SeenArticleStore(deployment.Storage);
        var processed = new List<string>();
        foreach (var article in archived)
        {
            var row = await seen.GetAsync(article.ArticleId);
            Assert.True(row?.Status is SeenStatus.Matched or SeenStatus.Unmatched, $"{article.ArticleId}: {row?.Status}");
            processed.Add(article.ArticleId);
        }

        var account = await new ArticleAccounting(deployment.Storage).ReadAsync();
        Assert.Equal(account.Matched + account.NotMatched, processed.Distinct().Count());
        Assert.Equal(processed.Count, processed.Distinct().Count());
        var melania = Assert.Single(archived, a => a.ArticleId == environment.ArticleIdOf("melania-trump-online-safety"));
        Assert.Contains("online", melania.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(TextOrigin.Page, melania.TextOrigin);
    }

    [Fact]
    public async Task AnArticleWrittenAgainBeforeAndAfterCompactionIsKeptOnce()
    {
        var (deployment, services) = await DeployAsync();
        await using var _ = services;
        var archive = services.GetRequiredService<ArticleArchive>();
        var article = Article(1, Now.AddHours(-3));

        await archive.AddAsync(article);
        await archive.AddAsync(article);
        Assert.Equal(1, await services.GetRequiredService<ArchiveCompactor>().CompactAsync());
        await archive.AddAsync(article with { ProcessedAt = article.ProcessedAt.AddMinutes(5) });

        var block = ArchiveBlock.For(article.ArticleId, article.DiscoveredAt);
        var content = await archive.ReadAsync(block);
        Assert.Equal(article.ArticleId, Assert.Single(content.Articles).ArticleId);
        await services.GetRequiredService<ArchiveCompactor>().CompactAsync();
        content = await archive.ReadAsync(block);
        Assert.Single(content.Articles);
        Assert.Equal([block.CompactedPath], await BlobNamesAsync(deployment));
    }

    [Fact]
    public async Task CompactionFoldsEachClosedHourIntoOneBlobAndLeavesTheOpenHourAlone()
    {
        var (deployment, services) = await DeployAsync();
        await using var _ = services;
        var archive = services.GetRequiredService<ArticleArchive>();
        var closed = Enumerable.Range(0, 40).Select(i => Article(i, Now.AddHours(-2).AddMinutes(i))).ToList();
        var open = Article(100, Now.AddMinutes(-20));
        foreach (var article in closed.Append(open))
        {
            await archive.AddAsync(article);
        }

        var compacted = await services.GetRequiredService<ArchiveCompactor>().CompactAsync();

        var names = await BlobNamesAsync(deployment);
        var closedBlocks = closed.Select(a => ArchiveBlock.For(a.ArticleId, a.DiscoveredAt)).Distinct().ToList();
        Assert.Equal(closedBlocks.Count, compacted);
        Assert.Equal(closedBlocks.Select(b => b.CompactedPath).Order(StringComparer.Ordinal), names.Where(n => n.StartsWith(ArchiveBlock.HoursPrefix, StringComparison.Ordinal)));
        Assert.Equal([ArchiveBlock.For(open.ArticleId, open.DiscoveredAt).PendingPath(open.ArticleId)], names.Where(n => n.StartsWith(ArchiveBlock.PendingPrefix, StringComparison.Ordinal)));
        var read = await ReadAllAsync(archive, Now.AddHours(-3), Now);
        Assert.Equal(closed.Append(open).Select(a => a.ArticleId).Order(StringComparer.Ordinal), read.Select(a => a.ArticleId).Order(StringComparer.Ordinal));
        var firstBlock = await archive.ReadAsync(closedBlocks[0]);
        Assert.Equal(firstBlock.Articles.OrderByDescending(a => a.DiscoveredAt), firstBlock.Articles);
        Assert.Equal(1, firstBlock.Reads);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task ACompactionStoppedAfterWritingTheBlockAndRunAgainKeepsEachArticleOnce()
    {
        var (deployment, services) = await DeployAsync();
        await using var _ = services;
        var archive = services.GetRequiredService<ArticleArchive>();
        var articles = Enumerable.Range(0, 12).Select(i => Article(i * 4, Now.AddHours(-5).AddMinutes(i))).ToList();
        foreach (var article in articles)
        {
            await archive.AddAsync(article);
        }

        // The state a compaction leaves when it stops between writing the block and deleting the small blobs.
        var block = ArchiveBlock.For(articles[0].ArticleId, articles[0].DiscoveredAt);
        Assert.All(articles, a => Assert.Equal(block, ArchiveBlock.For(a.ArticleId, a.DiscoveredAt)));
        await deployment.Storage.Archive.GetBlobClient(block.CompactedPath).UploadAsync(new BinaryData(ArchiveBlockFormat.Write(articles.Take(7))));
        Assert.Equal(articles.Count, (await archive.ReadAsync(block)).Articles.Count);

        await services.GetRequiredService<ArchiveCompactor>().CompactAsync();

        var content = await archive.ReadAsync(block);
        Assert.Equal(articles.Select(a => a.ArticleId).Order(StringComparer.Ordinal), content.Articles.Select(a => a.ArticleId).Order(StringComparer.Ordinal));
        Assert.Equal(1, content.Reads);
        Assert.Equal([block.CompactedPath], await BlobNamesAsync(deployment));
    }

    [Fact]
    public async Task RetentionDeletesTheHoursPastTheWindowAndNothingElse()
    {
        var (deployment, services) = await DeployAsync(("Monitor:ArchiveRetention", "30"));
        await using var _ = services;
        var archive = services.GetRequiredService<ArticleArchive>();
        var expired = Article(1, Now.AddDays(-30).AddHours(-1));
        var lastKept = Article(2, Now.AddDays(-30).AddMinutes(1));
        var recent = Article(3, Now.AddMinutes(-1));
        foreach (var article in new[] { expired, lastKept, recent })
        {
            await archive.AddAsync(article);
        }

        await services.GetRequiredService<ArchiveCompactor>().CompactAsync();
        var deleted = await services.GetRequiredService<ArchiveExpiry>().DeleteExpiredAsync();

        Assert.Equal(1, deleted);
        var left = await ReadAllAsync(archive, Now.AddDays(-40), Now.AddHours(1));
        Assert.Equal([recent.ArticleId, lastKept.ArticleId], left.Select(a => a.ArticleId));
    }

    private async Task<(TestDeployment Deployment, ServiceProvider Services)> DeployAsync(params (string Key, string Value)[] settings)
    {
        var deployment = environment.NewDeployment();
        foreach (var (key, value) in settings)
        {
            deployment.Settings[key] = value;
        }

        var services = deployment.BuildServices(new FakeTimeProvider(Now));
        await deployment.Storage.EnsureCreatedAsync();
        return (deployment, services);
    }

    private static async Task<List<ArchivedArticle>> ReadAllAsync(ArticleArchive archive, DateTimeOffset from, DateTimeOffset to)
    {
        var articles = new List<ArchivedArticle>();
        foreach (var block in await archive.ListBlocksAsync(from, to))
        {
            articles.AddRange((await archive.ReadAsync(block)).Articles);
        }

        return articles;
    }

    private static async Task<List<string>> BlobNamesAsync(TestDeployment deployment)
    {
        var names = new List<string>();
        await foreach (var blob in deployment.Storage.Archive.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>Article <paramref name="n"/>: its id's first byte is n, so ids 0, 4, 8… share a shard.</summary>
    private static ArchivedArticle Article(int n, DateTimeOffset discovered)
    {
        var id = n.ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + new string('0', 30);
        var url = new Uri($"https://news.example/story/{n}");
        return new ArchivedArticle(id, "demo", url, url, $"Story {n}", discovered, discovered, discovered.AddMinutes(2), TextOrigin.Feed, null, "en", $"Body of story {n}.", "v1");
    }
}
