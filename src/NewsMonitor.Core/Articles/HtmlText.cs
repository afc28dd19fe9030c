using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsMonitor.Articles;

/// <summary>Turns an HTML fragment from a feed (a description or content:encoded) into plain paragraphs.</summary>
public static partial class HtmlText
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    public static string ToPlainText(string html)
    {
        if (!html.Contains('<', StringComparison.Ordinal) && !html.Contains('&', StringComparison.Ordinal))
        {
            return Whitespace().Replace(html, " ").Trim();
        }

        using var document = Parser.ParseDocument($"<body>{html}</body>");
        foreach (var element in document.QuerySelectorAll("script, style, iframe, noscript, template").ToList())
        {
            element.Remove();
        }

        var builder = new StringBuilder();
        Append(document.Body!, builder);
        var paragraphs = builder.ToString().Split('\n').Select(p => Whitespace().Replace(p, " ").Trim()).Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }

    private static void Append(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                builder.Append(text.Data.Replace('\n', ' '));
            }
            else if (child is IElement element)
            {
                var block = element.LocalName is "p" or "div" or "br" or "li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" or "tr" or "pre" or "figcaption";
                if (block)
                {
                    builder.Append('\n');
                }

                Append(element, builder);
                if (block)
                {
                    builder.Append('\n');
                }
            }
        }
    }

    [GeneratedRegex(@"[\s\u00A0]+")]
    private static partial Regex Whitespace();
}
