using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using NewsMonitor.Articles;
using SmartReader;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// Main-text extraction over the 121 real pages of the article-extraction corpus, one operation being every page:
/// <see cref="PageTextExtractor"/> against AngleSharp's parse and <c>Body.TextContent</c> (all text, no extraction:
/// the floor any AngleSharp extractor stands on) and SmartReader, a C# port of Mozilla's readability.js.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
[Config(typeof(Rates))]
public class ExtractionBenchmarks
{
    private readonly HtmlParser parser = new(new HtmlParserOptions { IsScripting = false });
    private readonly PageTextExtractor extractor = new();
    private ExtractionCorpus.Page[] pages = null!;

    [GlobalSetup]
    public void Setup() => pages = ExtractionCorpus.Pages;

    [Benchmark(Baseline = true, Description = "AngleSharp parse + Body.TextContent")]
    public long BodyTextContent()
    {
        var chars = 0L;
        foreach (var page in pages)
        {
            using var document = parser.ParseDocument(page.Html);
            chars += document.Body?.TextContent.Length ?? 0;
        }

        return chars;
    }

    [Benchmark(Description = "PageTextExtractor.Extract")]
    public long Extract()
    {
        var chars = 0L;
        foreach (var page in pages)
        {
            chars += extractor.Extract(page.Html, page.Url).Text.Length;
        }

        return chars;
    }

    [Benchmark(Description = "SmartReader 0.11.1 GetArticle")]
    public long SmartReaderArticle()
    {
        var chars = 0L;
        foreach (var page in pages)
        {
            chars += new Reader(page.Url.AbsoluteUri, page.Html).GetArticle().TextContent?.Length ?? 0;
        }

        return chars;
    }

    private sealed class Rates : BenchmarkDotNet.Configs.ManualConfig
    {
        public Rates()
        {
            AddColumn(new RateColumn("pages/s", "Corpus pages extracted per second", () => ExtractionCorpus.Pages.Length));
            AddColumn(new RateColumn("MB/s", "Megabytes (10^6) of UTF-8 page HTML per second", () => ExtractionCorpus.HtmlBytes / 1e6));
        }
    }
}
