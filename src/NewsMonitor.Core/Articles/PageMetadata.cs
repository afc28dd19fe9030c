using System.Globalization;
using AngleSharp.Dom;

namespace NewsMonitor.Articles;

/// <summary>What a page declares about itself in its head, its JSON-LD and its headline markup.</summary>
internal sealed record PageMetadata(string Title, Uri? CanonicalUrl, string? Byline, DateTimeOffset? Published, string? Language)
{
    /// <summary>Reads the metadata; call it before chrome is removed, as the byline and the headline may be chrome.</summary>
    public static PageMetadata Read(IDocument document, Uri? pageUrl, JsonLd jsonLd)
    {
        var meta = ReadMeta(document);
        var byline = meta.GetValueOrDefault("author") ?? jsonLd.Author ?? document.QuerySelector("[rel=author], .byline, .author")?.TextContent;
        return new PageMetadata(
            ReadTitle(document, meta, jsonLd),
            ReadCanonical(document, meta, pageUrl),
            string.IsNullOrWhiteSpace(byline) ? null : TextNormaliser.Collapse(byline),
            ReadPublished(document, meta, jsonLd),
            ReadLanguage(document, meta));
    }

    /// <summary>
    /// Every <c>&lt;meta&gt;</c> by its property, name or http-equiv (the first of a name wins), read in one pass: a page
    /// has dozens, and a selector per field would scan the document for each.
    /// </summary>
    private static Dictionary<string, string> ReadMeta(IDocument document)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.GetElementsByTagName("meta"))
        {
            if (element.GetAttribute("content") is not { } content)
            {
                continue;
            }

            foreach (var key in (string?[])[element.GetAttribute("property"), element.GetAttribute("name"), element.GetAttribute("http-equiv")])
            {
                if (!string.IsNullOrEmpty(key))
                {
                    meta.TryAdd(key, content);
                }
            }
        }

        return meta;
    }

    private static string ReadTitle(IDocument document, Dictionary<string, string> meta, JsonLd jsonLd)
    {
        var candidates = new[]
        {
            meta.GetValueOrDefault("og:title"),
            jsonLd.Headline,
            document.QuerySelector("article h1, main h1")?.TextContent,
            document.QuerySelector("h1")?.TextContent,
            document.Title,
        };
        return candidates.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => TextNormaliser.Collapse(c!)).FirstOrDefault() ?? string.Empty;
    }

    private static Uri? ReadCanonical(IDocument document, Dictionary<string, string> meta, Uri? pageUrl)
    {
        var href = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? meta.GetValueOrDefault("og:url");
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        var canonical = pageUrl is not null && Uri.TryCreate(pageUrl, href.Trim(), out var resolved) ? resolved
            : Uri.TryCreate(href.Trim(), UriKind.Absolute, out var absolute) ? absolute : null;

        // Without a page URL, "/path" parses as file:///path on Linux; only a web address is a canonical URL.
        return canonical is { Scheme: "http" or "https" } ? canonical : null;
    }

    private static DateTimeOffset? ReadPublished(IDocument document, Dictionary<string, string> meta, JsonLd jsonLd)
    {
        // JSON-LD before the first <time>: a page's first <time> may date a teaser in the site header.
        var candidates = new[]
        {
            meta.GetValueOrDefault("article:published_time"),
            meta.GetValueOrDefault("date"),
            meta.GetValueOrDefault("pubdate"),
            jsonLd.DatePublished,
            document.QuerySelector("time[datetime]")?.GetAttribute("datetime"),
        };
        foreach (var candidate in candidates)
        {
            if (DateTimeOffset.TryParse(candidate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            {
                return value.ToUniversalTime();
            }
        }

        return null;
    }

    private static string? ReadLanguage(IDocument document, Dictionary<string, string> meta)
    {
        var language = document.DocumentElement.GetAttribute("lang")
            ?? meta.GetValueOrDefault("content-language")
            ?? meta.GetValueOrDefault("og:locale")?.Replace('_', '-');
        return string.IsNullOrWhiteSpace(language) ? null : language.Trim();
    }
}
