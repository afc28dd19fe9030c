using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using CodeHollow.FeedReader;
using NewsMonitor.Feeds;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// Parsing the 40 real corpus feeds: FeedParser.Parse from bytes (decode, DTD guard, CodeHollow, own dates, links and
/// ids) against what it is built on — XDocument.Parse of the already-decoded text alone, CodeHollow's
/// FeedReader.ReadFromString on that text, and CodeHollow's own bytes path, ReadFromByteArray (which parses twice
/// when a feed declares a legacy encoding, and has no DTD guard).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[Config(typeof(Throughput))]
public class FeedParsingBenchmarks
{
    private (string Name, byte[] Bytes, string Text)[] feeds = null!;
    private Uri[] urls = null!;

    [GlobalSetup]
    public void Setup()
    {
        feeds = FeedCorpus.Feeds;
        urls = [.. feeds.Select(f => FeedCorpus.UrlOf(f.Name))];
    }

    [Benchmark(Baseline = true, Description = "XDocument.Parse (decoded text)")]
    public int XDocumentParse()
    {
        var elements = 0;
        foreach (var feed in feeds)
        {
            elements += XDocument.Parse(feed.Text).Root!.Elements().Count();
        }

        return elements;
    }

    [Benchmark(Description = "CodeHollow ReadFromString (decoded text)")]
    public int CodeHollowReadFromString()
    {
        var items = 0;
        foreach (var feed in feeds)
        {
            items += FeedReader.ReadFromString(feed.Text).Items.Count;
        }

        return items;
    }

    [Benchmark(Description = "CodeHollow ReadFromByteArray (bytes)")]
    public int CodeHollowReadFromByteArray()
    {
        var items = 0;
        foreach (var feed in feeds)
        {
            items += FeedReader.ReadFromByteArray(feed.Bytes).Items.Count;
        }

        return items;
    }

    [Benchmark(Description = "FeedParser.Parse (bytes)")]
    public int FeedParserParse()
    {
        var items = 0;
        for (var i = 0; i < feeds.Length; i++)
        {
            items += FeedParser.Parse(feeds[i].Bytes, urls[i]).Items.Count;
        }

        return items;
    }

    private sealed class Throughput : BenchmarkDotNet.Configs.ManualConfig
    {
        public Throughput()
        {
            AddColumn(new FeedThroughputColumn(items: true));
            AddColumn(new FeedThroughputColumn(items: false));
        }
    }
}
