using NewsMonitor.Archive;
using NewsMonitor.Articles;

namespace NewsMonitor.Tests.Archive;

public sealed class ArchiveBlockTests
{
    private static readonly DateTimeOffset Discovered = new(2026, 11, 30, 17, 42, 10, TimeSpan.FromHours(2));

    [Fact]
    public void AnArticleBelongsToTheUtcHourItWasDiscoveredInAndAShardFixedByItsId()
    {
        var block = ArchiveBlock.For("a3" + new string('0', 30), Discovered);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero), block.Hour);
        Assert.Equal(0xa3 % ArchiveBlock.ShardCount, block.Shard);
        Assert.Equal("2026/11/30/15/s3", block.Name);
        Assert.Equal("hours/2026/11/30/15/s3.jsonl.gz", block.CompactedPath);
        Assert.Equal("pending/2026/11/30/15/s3/a3" + new string('0', 30) + ".json.gz", block.PendingPath("a3" + new string('0', 30)));
    }

    [Fact]
    public void ANameParsesBackToItsBlock()
    {
        var block = new ArchiveBlock(new DateTimeOffset(2026, 1, 2, 3, 0, 0, TimeSpan.Zero), 2);

        Assert.Equal(block, ArchiveBlock.Parse(block.Name));
        Assert.True(ArchiveBlock.TryParsePath(block.CompactedPath, out var compacted));
        Assert.Equal(block, compacted);
        Assert.True(ArchiveBlock.TryParsePath(block.PendingPath("ab" + new string('1', 30)), out var pending));
        Assert.Equal(block, pending);
    }

    public static TheoryData<string> NotBlockNames => ["2026/01/02/03", "2026/01/02/03/s9", "2026/13/02/03/s1", "2026-01-02-03/s1", "2026/01/02/03/x1", ""];

    [Theory]
    [MemberData(nameof(NotBlockNames))]
    public void ANameThatIsNotABlockIsRefusedWithTheNameAndTheExpectedShape(string name)
    {
        var error = Assert.Throws<FormatException>(() => ArchiveBlock.Parse(name));

        Assert.Contains($"\"{name}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("yyyy/MM/dd/HH/sN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BlocksSortNewestHourFirstThenByShard()
    {
        var hour = new DateTimeOffset(2026, 1, 2, 3, 0, 0, TimeSpan.Zero);
        var sorted = new[] { new ArchiveBlock(hour, 1), new ArchiveBlock(hour.AddHours(1), 0), new ArchiveBlock(hour, 0) }.Order(ArchiveBlock.NewestFirst);

        Assert.Equal([new ArchiveBlock(hour.AddHours(1), 0), new ArchiveBlock(hour, 0), new ArchiveBlock(hour, 1)], sorted);
    }

    [Fact]
    public void ABlockReadsBackTheArticlesWrittenToIt()
    {
        var articles = new[] { Article("one", "Ceasefire talks"), Article("two", "Ünïcode — “quotes” and\nnew lines") };

        using var stream = new MemoryStream(ArchiveBlockFormat.Write(articles));

        Assert.Equal(articles, ArchiveBlockFormat.Read(stream, "test"));
    }

    [Fact]
    public void ABlobThatIsNotAnArchiveBlockIsReportedWithItsNameAndLine()
    {
        var articles = ArchiveBlockFormat.Write([Article("one", "text")]);
        using var corrupted = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(corrupted, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        {
            using var first = new System.IO.Compression.GZipStream(new MemoryStream(articles), System.IO.Compression.CompressionMode.Decompress);
            first.CopyTo(gzip);
            gzip.Write("{not json\n"u8);
        }

        corrupted.Position = 0;
        var error = Assert.Throws<InvalidDataException>(() => ArchiveBlockFormat.Read(corrupted, "hours/2026/01/02/03/s1.jsonl.gz"));

        Assert.Contains("hours/2026/01/02/03/s1.jsonl.gz, line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABlobThatIsNotGzipIsReportedWithItsName()
    {
        using var plain = new MemoryStream("{\"articleId\":\"x\"}\n"u8.ToArray());

        var error = Assert.Throws<InvalidDataException>(() => ArchiveBlockFormat.Read(plain, "hours/2026/01/02/03/s1.jsonl.gz"));

        Assert.Contains("archive blob hours/2026/01/02/03/s1.jsonl.gz: not gzip", error.Message, StringComparison.Ordinal);
    }

    private static ArchivedArticle Article(string slug, string text)
        => new(slug.PadRight(32, '0'), "feed", new Uri($"https://news.example/{slug}"), new Uri($"https://news.example/{slug}"), "Title " + slug, null, Discovered, Discovered.AddMinutes(1), TextOrigin.Page, null, "en", text, "v1");
}
