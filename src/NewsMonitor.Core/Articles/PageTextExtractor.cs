using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NewsMonitor.Articles;

/// <summary>
/// Extracts a page's main text and metadata with AngleSharp: reads the head and JSON-LD, removes chrome
/// (<see cref="ChromeRemover"/>), picks the article's container (<see cref="ContentScorer"/>), lays it out as
/// paragraphs (<see cref="TextWalker"/>) and drops the lines inside it that are not the story, the headline included,
/// since it is the title (<see cref="BlockFilter"/>).
/// </summary>
public sealed class PageTextExtractor
{
    private readonly HtmlParser parser = new(new HtmlParserOptions { IsScripting = false });
    private readonly ExtractionTuning tuning;

    public PageTextExtractor()
        : this(ExtractionTuning.Default)
    {
    }

    /// <summary>An extractor with other thresholds, for cross-validation.</summary>
    internal PageTextExtractor(ExtractionTuning tuning) => this.tuning = tuning;

    public ExtractedPage Extract(string html, Uri? pageUrl = null) => Extract(() => parser.ParseDocument(html), pageUrl);

    /// <summary>Extracts from raw bytes, decoding them the way a browser would (BOM, then meta charset, then UTF-8).</summary>
    public ExtractedPage Extract(byte[] html, Uri? pageUrl = null) => Extract(
        () =>
        {
            using var stream = new MemoryStream(html, writable: false);
            return parser.ParseDocument(stream);
        },
        pageUrl);

    private ExtractedPage Extract(Func<IHtmlDocument> parse, Uri? pageUrl)
    {
        PageMetadata metadata;
        JsonLd jsonLd;
        string text;
        using (var document = parse())
        {
            jsonLd = JsonLd.Read(document);
            metadata = PageMetadata.Read(document, pageUrl, jsonLd);
            text = MainText(document, metadata.Title, byName: true);
        }

        if (text.Length < tuning.RetryBelowChars)
        {
            // A site may name the article's own container like chrome, and a cookie notice may outweigh a short story.
            using var document = parse();
            var relaxed = MainText(document, metadata.Title, byName: false);
            text = relaxed.Length > text.Length ? relaxed : text;
        }

        // A paywalled or script-rendered page may carry its full text only in schema.org's articleBody.
        if (jsonLd.ArticleBody is { } articleBody && HtmlText.ToPlainText(articleBody) is var body && body.Length > 2 * text.Length)
        {
            text = body;
        }

        return new ExtractedPage(metadata.Title, text, metadata.CanonicalUrl, metadata.Byline, metadata.Published, metadata.Language);
    }

    private string MainText(IHtmlDocument document, string title, bool byName)
    {
        ChromeRemover.Remove(document, tuning, byName);
        if (document.Body is not { } body)
        {
            return string.Empty;
        }

        var measures = TextMeasures.Of(body);
        var blocks = TextWalker.Walk(ContentScorer.Choose(body, measures, tuning, byName), measures, tuning);
        return string.Join("\n\n", BlockFilter.Keep(blocks, title, tuning).Select(b => b.Text));
    }
}
