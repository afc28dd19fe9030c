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

    public static bool IsList(IElement element) => element.LocalName is "ul" or "ol" or "dl";
}
