using System.Globalization;
using AngleSharp.Dom;

namespace NewsMonitor.Articles;

/// <summary>What a page declares about itself in its head, its JSON-LD and its headline markup.</summary>
internal sealed record PageMetadata(string Title, Uri? CanonicalUrl, string? Byline, DateTimeOffset? Published, string? Language)
{
    /// <summary>Reads the metadata; call it before scripts are removed, as JSON-LD lives in them.</summary>
    public static PageMetadata Read(IDocument document, Uri? pageUrl, JsonLd jsonLd)
    {
        var byline = Meta(document, "author") ?? jsonLd.Author ?? document.QuerySelector("[rel=author], .byline, .author")?.TextContent;
        return new PageMetadata(
            ReadTitle(document, jsonLd),
            ReadCanonical(document, pageUrl),
            string.IsNullOrWhiteSpace(byline) ? null : TextNormaliser.Collapse(byline),
            ReadPublished(document, jsonLd),
            ReadLanguage(document));
    }

    private static string ReadTitle(IDocument document, JsonLd jsonLd)
    {
        var candidates = new[]
        {
            Meta(document, "og:title"),
            jsonLd.Headline,
            document.QuerySelector("article h1, main h1")?.TextContent,
            document.QuerySelector("h1")?.TextContent,
            document.Title,
        };
        return candidates.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => TextNormaliser.Collapse(c!)).FirstOrDefault() ?? string.Empty;
    }

    private static Uri? ReadCanonical(IDocument document, Uri? pageUrl)
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

    private static DateTimeOffset? ReadPublished(IDocument document, JsonLd jsonLd)
    {
        // JSON-LD before the first <time>: a page's first <time> may date a teaser in the site header.
        var candidates = new[]
        {
            Meta(document, "article:published_time"),
            Meta(document, "date"),
            Meta(document, "pubdate"),
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

    private static string? ReadLanguage(IDocument document)
    {
        var language = document.DocumentElement.GetAttribute("lang")
            ?? document.QuerySelector("meta[http-equiv='content-language' i]")?.GetAttribute("content")
            ?? Meta(document, "og:locale")?.Replace('_', '-');
        return string.IsNullOrWhiteSpace(language) ? null : language.Trim();
    }

    private static string? Meta(IDocument document, string name)
        => document.QuerySelector($"meta[property='{name}'], meta[name='{name}']")?.GetAttribute("content");
}
