using System.Text.Json;
using AngleSharp.Html.Parser;
using NewsMonitor.Articles;
using SmartReader;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// <c>--predictions FOLDER</c>: writes each benchmarked extractor's text for every corpus page as JSON lines
/// (<c>{"id","text"}</c>), for shared/tools/score-extraction to score with the benchmark's own metric.
/// </summary>
internal static class ExtractionPredictions
{
    public static void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        var extractor = new PageTextExtractor();
        Write(Path.Combine(folder, "page-text-extractor.jsonl"), page => extractor.Extract(page.Html, page.Url).Text);
        Write(Path.Combine(folder, "smartreader.jsonl"), page => new Reader(page.Url.AbsoluteUri, page.Html).GetArticle().TextContent ?? string.Empty);
        Write(Path.Combine(folder, "body-text-content.jsonl"), page =>
        {
            using var document = parser.ParseDocument(page.Html);
            return document.Body?.TextContent ?? string.Empty;
        });
    }

    private static void Write(string path, Func<ExtractionCorpus.Page, string> extract)
    {
        File.WriteAllLines(path, ExtractionCorpus.Pages.Select(page => JsonSerializer.Serialize(new { id = page.Id, text = extract(page) })));
        Console.WriteLine(path);
    }
}
