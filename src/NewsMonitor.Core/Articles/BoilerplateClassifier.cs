using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsMonitor.Articles;

/// <summary>
/// Judges an element by what it is and what it is called: tags that never hold article prose, hidden elements, page
/// structure (navigation, asides, footers) and the class/id vocabulary sites use for chrome (ads, share bars,
/// related links, comments, cookie banners, bylines, captions) or for the article itself.
/// </summary>
internal static partial class BoilerplateClassifier
{
    // Words in class names and ids, split at punctuation and camelCase humps ("RichTextArticleBody" → rich, text,
    // article, body), so "ad" matches "Page-ad-margins" but not "header" or "download".
    private static readonly HashSet<string> ChromeWords = new(StringComparer.Ordinal)
    {
        "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit", "adsense", "dfp",
        "sponsor", "sponsored", "sponsors", "promo", "promos", "promotion", "promoted", "banner",
        "nav", "navbar", "navigation", "subnav", "topnav", "menu", "megamenu", "breadcrumb", "breadcrumbs", "pagination", "pager",
        "header", "masthead", "footer", "sidebar", "rail", "widget", "widgets", "toolbar", "tools",
        "share", "sharing", "sharebar", "social", "follow", "print", "email",
        "comment", "comments", "commentlist", "respond", "reply", "replies", "disqus",
        "related", "recommended", "recommendations", "recirc", "recirculation", "trending", "popular", "mostread", "outbrain", "taboola", "zergnet",
        "newsletter", "subscribe", "subscription", "signup", "login", "register", "cta",
        "cookie", "cookies", "consent", "gdpr", "popup", "modal", "overlay",
        "byline", "author", "authors", "dateline", "timestamp", "date", "meta", "tags", "tag", "keywords",
        "caption", "captions", "credit", "credits", "figcaption", "skip",
    };

    private static readonly HashSet<string> ContentWords = new(StringComparer.Ordinal)
    {
        "article", "articlebody", "body", "content", "entry", "hentry", "main", "post", "story", "text", "blog", "prose",
    };

    private static readonly HashSet<string> ChromeRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu", "menubar", "toolbar",
    };

    /// <summary>Tags that never carry text a reader takes for the article.</summary>
    public static bool IsNonContent(IElement element) => element.LocalName is "script" or "style" or "noscript" or "template"
        or "svg" or "canvas" or "iframe" or "object" or "embed" or "button" or "input" or "select" or "textarea" or "dialog"
        or "audio" or "video" or "map" or "link" or "meta";

    public static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        return (style is not null && HiddenStyle().IsMatch(style)) || ScreenReaderOnly().IsMatch(element.ClassName ?? string.Empty);
    }

    /// <summary>Page structure around an article: site navigation, asides, footers, headers, forms.</summary>
    public static bool IsChromeByStructure(IElement element)
        => element.LocalName is "nav" or "aside" or "footer" or "header" or "form" or "figcaption"
        || (element.GetAttribute("role") is { } role && ChromeRoles.Contains(role));

    public static bool IsChromeByName(IElement element) => NameWords(element).Any(ChromeWords.Contains);

    /// <summary>+1 when the class or id names the article, -1 when it names chrome, 0 for neither or both.</summary>
    public static int NameLean(IElement element)
    {
        var content = false;
        var chrome = false;
        foreach (var word in NameWords(element))
        {
            content |= ContentWords.Contains(word);
            chrome |= ChromeWords.Contains(word);
        }

        return content == chrome ? 0 : content ? 1 : -1;
    }

    private static IEnumerable<string> NameWords(IElement element)
    {
        foreach (var name in (string?[])[element.ClassName, element.Id])
        {
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            foreach (Match word in Word().Matches(name))
            {
                yield return word.Value.ToLowerInvariant();
            }
        }
    }

    // A word is a run of letters that starts a camelCase hump or follows a separator: "mainNav" → main, Nav.
    [GeneratedRegex(@"\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"(^|\s)(sr-only|screen-reader-text|visually-hidden|visuallyhidden)(\s|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScreenReaderOnly();
}
