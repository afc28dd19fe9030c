using AngleSharp.Dom;

namespace NewsMonitor.Articles;

/// <summary>Which elements break text into paragraphs, as a browser lays them out.</summary>
internal static class HtmlBlocks
{
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "html", "body", "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "caption", "thead", "tbody", "tfoot", "tr", "td",
        "th", "ul",
    };

    public static bool IsBlock(IElement element) => Blocks.Contains(element.LocalName);

    public static bool IsHeading(IElement element) => element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    /// <summary>A link; a heading's own "#section" anchor is not one, but a "skip to …" anchor in the text is.</summary>
    public static bool IsLink(IElement element)
        => element.LocalName == "a" && element.GetAttribute("href") is { } href
        && !(href.StartsWith('#') && element.Closest("h1, h2, h3, h4, h5, h6") is not null);
}
