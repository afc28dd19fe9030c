using NewsMonitor.Feeds;
using NewsMonitor.Tests.Corpora;

namespace NewsMonitor.Tests.Feeds;

/// <summary>
/// Every real feed of the corpus parses to its golden file: format, title, update hint, item count, and each item's
/// title, link and date. The golden files were written once from the parser and then checked against the raw XML.
/// </summary>
public sealed class FeedGoldenTests
{
    public static TheoryData<string> RealFeeds => FeedCorpus.Names("real");

    [CorpusTheory(SharedCorpus.Feeds)]
    [MemberData(nameof(RealFeeds))]
    public void RealFeedParsesToItsGoldenFile(string name)
    {
        var content = File.ReadAllBytes(FeedCorpus.PathOf("real", name));

        var actual = FeedCorpus.ToGoldenJson(FeedParser.Parse(content, FeedCorpus.UrlOf(name)));

        if (FeedCorpus.WritingGolden && !File.Exists(FeedCorpus.GoldenSourcePath(name)))
        {
            File.WriteAllText(FeedCorpus.GoldenSourcePath(name), actual);
            return;
        }

        Assert.True(File.Exists(FeedCorpus.GoldenPath(name)), $"no golden file for {name}; run with {FeedCorpus.WriteGoldenVariable}=1 once and check it by hand");
        Assert.Equal(File.ReadAllText(FeedCorpus.GoldenPath(name)).ReplaceLineEndings("\n"), actual);
    }
}
