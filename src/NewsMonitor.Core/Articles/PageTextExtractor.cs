using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NewsMonitor.Articles;

/// <summary>
/// Extracts a page's main text and metadata with AngleSharp: reads the head and JSON-LD, removes chrome
/// (<see cref="ChromeRemover"/>), picks the article's container (<see cref="ContentScorer"/>), lays it out as
/// paragraphs (<see cref="TextWalker"/>) and drops the blocks around the story that are not part of it
/// (<see cref="BlockFilter"/>). The headline is the title; the text does not repeat it.
/// </summary>
public sealed class PageTextExtractor
{
    private readonly HtmlParser parser = new(new HtmlParserOptions { IsScripting = false });

    public ExtractedPage Extract(string html, Uri? pageUrl = null)
    {
        using var document = parser.ParseDocument(html);
        return Extract(document, pageUrl);
    }

    /// <summary>Extracts from raw bytes, decoding them the way a browser would (BOM, then meta charset, then UTF-8).</summary>
    public ExtractedPage Extract(byte[] html, Uri? pageUrl = null)
    {
        using var stream = new MemoryStream(html, writable: false);
        using var document = parser.ParseDocument(stream);
        return Extract(document, pageUrl);
    }

    private static ExtractedPage Extract(IHtmlDocument document, Uri? pageUrl)
    {
        var metadata = PageMetadata.Read(document, pageUrl, JsonLd.Read(document));
        var text = string.Empty;
        ChromeRemover.Remove(document);
        if (document.Body is { } body)
        {
            var measures = TextMeasures.Of(body);
            var blocks = TextWalker.Walk(ContentScorer.Choose(body, measures), measures);
            text = string.Join("\n\n", BlockFilter.Keep(blocks, metadata.Title).Select(b => b.Text));
        }

        return new ExtractedPage(metadata.Title, text, metadata.CanonicalUrl, metadata.Byline, metadata.Published, metadata.Language);
    }
}
