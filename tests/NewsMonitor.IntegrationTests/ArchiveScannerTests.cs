using System.IO.Compression;
using NewsMonitor.Archive;
using NewsMonitor.Articles;
using NewsMonitor.Storage;

namespace NewsMonitor.IntegrationTests;

/// <summary>The one read path of backfills, backtests and searches: order, window, early stop and what it reports.</summary>
[Collection(SharedAzurite.Name)]
public sealed class ArchiveScannerTests(LocalEnvironment environment)
{
    private static readonly DateTimeOffset Ten = new(2026, 10, 5, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Articles at 10:00, 10:14:59, 10:15, 11:30, 12:44:59 and 12:45, spread over shards.</summary>
    private static readonly ArchivedArticle[] Timeline =
    [
        Article(0, Ten),
        Article(1, Ten.AddMinutes(15).AddSeconds(-1)),
        Article(2, Ten.AddMinutes(15)),
        Article(3, Ten.AddMinutes(90)),
        Article(4, Ten.AddMinutes(165).AddSeconds(-1)),
        Article(5, Ten.AddMinutes(165)),
    ];

    public static TheoryData<string, TimeSpan, TimeSpan, int[]> Windows => new()
    {
        { "whole hours", TimeSpan.Zero, TimeSpan.FromHours(3), [5, 4, 3, 2, 1, 0] },
        { "starts inside an hour", TimeSpan.FromMinutes(15), TimeSpan.FromHours(3), [5, 4, 3, 2] },
        { "ends inside an hour", TimeSpan.Zero, TimeSpan.FromMinutes(165), [4, 3, 2, 1, 0] },
        { "both edges inside one hour", TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15), [1] },
        { "between two articles", TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(89), [] },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task OnlyArticlesDiscoveredInsideTheWindowAreVisited(string window, TimeSpan from, TimeSpan to, int[] expected)
    {
        var (archive, scanner, _) = await ArchiveWithAsync(compacted: Timeline[..3], pending: Timeline[3..]);

        var visited = new List<ArchivedArticle>();
        var statistics = await scanner.ScanAsync(Ten + from, Ten + to, block =>
        {
            visited.AddRange(block.Articles);
            return true;
        });

        Assert.True(expected.Select(n => Timeline[n].ArticleId).Order(StringComparer.Ordinal).SequenceEqual(visited.Select(a => a.ArticleId).Order(StringComparer.Ordinal)), window);
        Assert.Equal(expected.Length, statistics.Articles);
        Assert.Equal(visited.Sum(a => (long)a.Title.Length + a.Text.Length), statistics.TextLength);
        Assert.Equal((await archive.ListBlocksAsync(Ten + from, Ten + to)).Count, statistics.Blocks);
    }

    [Fact]
    public async Task BlocksComeNewestHourFirstThenByShardAndArticlesNewestFirstInEach()
    {
        var articles = Enumerable.Range(0, 24).Select(n => Article(n, Ten.AddMinutes(n * 7))).ToArray();
        var (_, scanner, _) = await ArchiveWithAsync(compacted: articles.Where((_, i) => i % 2 == 0), pending: articles.Where((_, i) => i % 2 == 1));

        var blocks = new List<ArchiveBlockContent>();
        await scanner.ScanAsync(Ten, Ten.AddHours(3), block =>
        {
            blocks.Add(block);
            return true;
        });

        var expectedBlocks = articles.Select(a => ArchiveBlock.For(a.ArticleId, a.DiscoveredAt)).Distinct().Order(ArchiveBlock.NewestFirst);
        Assert.Equal(expectedBlocks, blocks.Select(b => b.Block));
        Assert.All(blocks, b => Assert.Equal(b.Articles.OrderByDescending(a => a.DiscoveredAt), b.Articles));
        Assert.Equal(articles.Length, blocks.Sum(b => b.Articles.Count));
    }

    [Fact]
    public async Task StatisticsAddUpToTheBlocksTheVisitorWasGiven()
    {
        var articles = Enumerable.Range(0, 16).Select(n => Article(n, Ten.AddMinutes(n * 11))).ToArray();
        var (archive, scanner, _) = await ArchiveWithAsync(compacted: articles[..10], pending: articles[10..]);
        var chosen = (await archive.ListBlocksAsync(Ten, Ten.AddHours(3))).Where((_, i) => i % 2 == 0).ToList();

        var visited = new List<ArchiveBlockContent>();
        var statistics = await scanner.ScanAsync(Ten, Ten.AddHours(3), block =>
        {
            visited.Add(block);
            return true;
        }, chosen);

        Assert.Equal(chosen, visited.Select(b => b.Block));
        Assert.Equal(chosen.Count, statistics.Blocks);
        Assert.Equal(visited.Sum(b => b.Articles.Count), statistics.Articles);
        Assert.Equal(visited.Sum(b => b.CompressedBytes), statistics.CompressedBytes);
        Assert.Equal(visited.Sum(b => b.TextLength), statistics.TextLength);
        Assert.True(statistics.Reading > TimeSpan.Zero);
        Assert.True(statistics.TextMegabytesPerSecond > 0);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task AVisitorThatStopsIsNeitherHandedNorFailedByTheBlocksAfterIt()
    {
        var articles = Enumerable.Range(0, 12).Select(n => Article(n * 4, Ten.AddHours(-n))).ToArray();
        var (archive, scanner, storage) = await ArchiveWithAsync(compacted: articles, pending: []);
        var blocks = await archive.ListBlocksAsync(Ten.AddHours(-12), Ten.AddHours(1));
        foreach (var later in blocks.Skip(1))
        {
            await storage.Archive.GetBlobClient(later.CompactedPath).UploadAsync(Corrupt(), overwrite: true);
        }

        var visits = 0;
        var statistics = await scanner.ScanAsync(Ten.AddHours(-12), Ten.AddHours(1), _ => ++visits < 1);

        Assert.Equal(1, visits);
        Assert.Equal(1, statistics.Blocks);
        Assert.Equal(articles[0].ArticleId, Assert.Single((await archive.ReadAsync(blocks[0])).Articles).ArticleId);
        var failure = await Assert.ThrowsAsync<InvalidDataException>(() => scanner.ScanAsync(Ten.AddHours(-12), Ten.AddHours(1), _ => true));
        Assert.Contains(blocks[1].CompactedPath, failure.Message, StringComparison.Ordinal);
    }

    private async Task<(ArticleArchive Archive, ArchiveScanner Scanner, MonitorStorage Storage)> ArchiveWithAsync(IEnumerable<ArchivedArticle> compacted, IEnumerable<ArchivedArticle> pending)
    {
        var deployment = environment.NewDeployment();
        await deployment.Storage.EnsureCreatedAsync();
        var archive = new ArticleArchive(deployment.Storage);
        foreach (var block in compacted.GroupBy(a => ArchiveBlock.For(a.ArticleId, a.DiscoveredAt)))
        {
            await deployment.Storage.Archive.GetBlobClient(block.Key.CompactedPath).UploadAsync(new BinaryData(ArchiveBlockFormat.Write(block)));
        }

        foreach (var article in pending)
        {
            await archive.AddAsync(article);
        }

        return (archive, new ArchiveScanner(archive), deployment.Storage);
    }

    /// <summary>Article <paramref name="n"/>: its id's first byte is n, so its shard is n mod 4.</summary>
    private static ArchivedArticle Article(int n, DateTimeOffset discovered)
    {
        var id = n.ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + new string('0', 30);
        var url = new Uri($"https://news.example/scanner/{n}");
        return new ArchivedArticle(id, "demo", url, url, $"Story {n}", discovered, discovered, discovered.AddMinutes(1), TextOrigin.Feed, null, "en", $"Body of story {n}, discovered at {discovered:O}.", "v1");
    }

    /// <summary>A gzip blob whose line is not an archived article.</summary>
    private static BinaryData Corrupt()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("not an article\n"u8);
        }

        return new BinaryData(buffer.ToArray());
    }
}
