using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NewsMonitor.Articles;

/// <summary>
/// Extracts a page's main text with AngleSharp: drops scripts, navigation, headers, footers, asides, forms,
/// hidden elements and blocks whose class or id says they are chrome (comments, related, share, cookie…), then
/// keeps the container whose paragraphs carry the most prose, the way readability scores candidates.
/// </summary>
public sealed partial class PageTextExtractor
{
    private const string Boilerplate = "script, style, noscript, template, iframe, svg, canvas, form, nav, footer, aside, button, input, select, textarea, dialog, "
        + "[hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=dialog]";

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "H1", "H2", "H3", "H4", "H5", "H6", "UL", "OL", "LI", "BLOCKQUOTE",
        "PRE", "TABLE", "TR", "TD", "TH", "DL", "DT", "DD", "FIGURE", "FIGCAPTION", "HR", "BR", "ADDRESS",
    };

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
        var title = ReadTitle(document);
        var canonical = ReadCanonical(document, pageUrl);
        var byline = Meta(document, "author") ?? document.QuerySelector("[rel=author], .byline, .author")?.TextContent.Trim();
        var published = ReadPublished(document);
        var language = document.DocumentElement.GetAttribute("lang");

        RemoveChrome(document);
        var root = ChooseContentRoot(document);
        var paragraphs = new List<string>();
        if (root is not null)
        {
            CollectParagraphs(root, paragraphs);
        }

        // The headline is the title field; repeating it in the body would count its names twice.
        var headline = paragraphs.Take(5).ToList().FindIndex(p => Normalise(p) == Normalise(title));
        if (headline >= 0)
        {
            paragraphs.RemoveAt(headline);
        }

        return new ExtractedPage(title, string.Join("\n\n", paragraphs), canonical, string.IsNullOrWhiteSpace(byline) ? null : Collapse(byline), published, string.IsNullOrWhiteSpace(language) ? null : language);
    }

    private static string ReadTitle(IHtmlDocument document)
    {
        var candidates = new[]
        {
            Meta(document, "og:title"),
            document.QuerySelector("article h1, main h1")?.TextContent,
            document.QuerySelector("h1")?.TextContent,
            document.Title,
        };
        return candidates.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => Collapse(c!)).FirstOrDefault() ?? string.Empty;
    }

    private static Uri? ReadCanonical(IHtmlDocument document, Uri? pageUrl)
    {
        var href = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(document, "og:url");
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        var canonical = pageUrl is not null && Uri.TryCreate(pageUrl, href.Trim(), out var resolved) ? resolved
            : Uri.TryCreate(href.Trim(), UriKind.Absolute, out var absolute) ? absolute : null;

        // Without a page URL, "/path" parses as file:///path on Linux; only a web address is a canonical URL.
        return canonical is { Scheme: "http" or "https" } ? canonical : null;
    }

    private static DateTimeOffset? ReadPublished(IHtmlDocument document)
    {
        var candidates = new List<string?>
        {
            Meta(document, "article:published_time"),
            Meta(document, "date"),
            Meta(document, "pubdate"),
            document.QuerySelector("time[datetime]")?.GetAttribute("datetime"),
        };
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            candidates.Add(JsonLdDatePublished(script.TextContent));
        }

        foreach (var candidate in candidates)
        {
            if (DateTimeOffset.TryParse(candidate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            {
                return value.ToUniversalTime();
            }
        }

        return null;
    }

    private static string? JsonLdDatePublished(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return FindDatePublished(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? FindDatePublished(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("datePublished", out var date) && date.ValueKind == JsonValueKind.String)
                {
                    return date.GetString();
                }

                return element.EnumerateObject().Select(p => FindDatePublished(p.Value)).FirstOrDefault(d => d is not null);
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(FindDatePublished).FirstOrDefault(d => d is not null);
            default:
                return null;
        }
    }

    private static string? Meta(IHtmlDocument document, string name)
        => document.QuerySelector($"meta[property='{name}'], meta[name='{name}']")?.GetAttribute("content");

    private static void RemoveChrome(IHtmlDocument document)
    {
        foreach (var comment in document.Descendants<IComment>().ToList())
        {
            comment.Remove();
        }

        foreach (var element in document.QuerySelectorAll(Boilerplate).ToList())
        {
            element.Remove();
        }

        // A site header holds navigation; a header inside the article holds its headline.
        foreach (var header in document.QuerySelectorAll("header").Where(h => h.Closest("article, main") is null).ToList())
        {
            header.Remove();
        }

        foreach (var element in document.Body?.QuerySelectorAll("*").ToList() ?? [])
        {
            if (element.Parent is not null && element.LocalName is not ("article" or "main" or "body") && IsChromeByName(element))
            {
                element.Remove();
            }
        }
    }

    private static bool IsChromeByName(IElement element)
    {
        var names = $"{element.ClassName} {element.Id}";
        var style = element.GetAttribute("style");
        return ChromeName().IsMatch(names) || (style is not null && HiddenStyle().IsMatch(style));
    }

    private static IElement? ChooseContentRoot(IHtmlDocument document)
    {
        var body = document.Body;
        if (body is null)
        {
            return null;
        }

        var scores = new Dictionary<IElement, double>();
        foreach (var paragraph in body.QuerySelectorAll("p, pre, blockquote, li"))
        {
            var text = Collapse(paragraph.TextContent);
            if (text.Length < 25 || LinkDensity(paragraph) > 0.5)
            {
                continue;
            }

            var score = 1 + text.Count(c => c == ',') + Math.Min(text.Length / 100.0, 3);
            var parent = paragraph.ParentElement;
            if (parent is null)
            {
                continue;
            }

            scores[parent] = scores.GetValueOrDefault(parent) + score;
            if (parent.ParentElement is { } grandparent)
            {
                scores[grandparent] = scores.GetValueOrDefault(grandparent) + (score / 2);
            }
        }

        var best = scores.OrderByDescending(s => s.Value).Select(s => s.Key).FirstOrDefault();
        if (best is null)
        {
            return document.QuerySelector("article") ?? document.QuerySelector("main") ?? body;
        }

        // Prefer the enclosing article or main element: it keeps subheads and lists that sit beside the best block.
        return best.Closest("article") ?? best.Closest("main") ?? best;
    }

    private static double LinkDensity(IElement element)
    {
        var total = element.TextContent.Length;
        if (total == 0)
        {
            return 0;
        }

        var linked = element.QuerySelectorAll("a").Sum(a => a.TextContent.Length);
        return (double)linked / total;
    }

    private static void CollectParagraphs(IElement root, List<string> paragraphs)
    {
        var current = new StringBuilder();
        Walk(root, current, paragraphs);
        Flush(current, paragraphs);
    }

    private static void Walk(INode node, StringBuilder current, List<string> paragraphs)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    current.Append(text.Data);
                    break;
                case IElement element when BlockTags.Contains(element.TagName):
                    Flush(current, paragraphs);
                    if (element.TagName is not ("UL" or "OL" or "TABLE" or "DIV" or "SECTION") && IsLinkList(element))
                    {
                        break;
                    }

                    Walk(element, current, paragraphs);
                    Flush(current, paragraphs);
                    break;
                case IElement element:
                    Walk(element, current, paragraphs);
                    break;
            }
        }
    }

    private static bool IsLinkList(IElement element)
    {
        var text = Collapse(element.TextContent);
        return text.Length > 0 && LinkDensity(element) > 0.8 && text.Length < 120;
    }

    private static void Flush(StringBuilder current, List<string> paragraphs)
    {
        var text = Collapse(current.ToString());
        if (text.Length > 0)
        {
            paragraphs.Add(text);
        }

        current.Clear();
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    private static string Normalise(string text) => Collapse(text).ToLowerInvariant();

    [GeneratedRegex(@"[\s\u00A0]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(^|[\s_-])(comments?|respond|reply|related|recommended|share|sharing|social|cookies?|consent|gdpr|newsletter|subscribe|signup|promo|advert\w*|ads?|sponsored|sidebar|breadcrumbs?|menu|nav|navbar|navigation|masthead|site-header|footer|popup|modal|author-box|author-bio|tags|widget|outbrain|taboola|read-also|read-more|more-stories)($|[\s_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChromeName();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();
}
