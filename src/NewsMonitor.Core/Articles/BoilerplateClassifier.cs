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
    // article, body), so "ad" matches "Page-ad-margins" but not "header" or "download". These name what a reader
    // never takes for the story, whatever else the element is called ("article-comments", "post-share").
    private static readonly HashSet<string> ChromeWords = new(StringComparer.Ordinal)
    {
        "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit", "adsense", "dfp",
        "sponsor", "sponsored", "sponsors", "promo", "promos", "promotion", "promoted",
        "breadcrumb", "breadcrumbs", "pagination", "pager", "skip",
        "share", "sharing", "sharebar", "social",
        "related", "recommended", "recommendations", "recirc", "recirculation", "trending", "popular", "mostread", "outbrain", "taboola", "zergnet",
    };

    // What is laid over the story or follows it as other people's text. An element named like this, or a dialog, is
    // chrome however much prose it holds (a cookie notice may outweigh a short story, a comment thread a long one),
    // unless it also looks like the article: sites hang "modal-enabled" on the article or call the page's wrapper
    // "body_overlay".
    private static readonly HashSet<string> InterruptionWords = new(StringComparer.Ordinal)
    {
        "cookie", "cookies", "consent", "gdpr", "popup", "modal", "overlay", "newsletter", "subscribe", "signup", "login", "register",
        "comment", "comments", "commentlist", "respond", "replies", "disqus",
    };

    // Parts around the story. A name is read by its head, its last known word, as English compounds are: "post-author"
    // is an author box and "post-content" the content, "entry-meta" chrome and "elementor-widget-post-content" not. An
    // element with one name headed by a content word is content whatever its other names say (WordPress gives the
    // article itself "tag-…" classes).
    private static readonly HashSet<string> SideWords = new(StringComparer.Ordinal)
    {
        "banner", "nav", "navbar", "navigation", "subnav", "topnav", "menu", "megamenu", "header", "masthead", "footer",
        "sidebar", "rail", "widget", "widgets", "toolbar", "tools", "print", "email", "follow", "cta",
        "byline", "author", "authors", "dateline", "timestamp", "date", "meta", "tags", "tag", "keywords",
        "caption", "captions", "credit", "credits", "figcaption",
    };

    private static readonly HashSet<string> ContentWords = new(StringComparer.Ordinal)
    {
        "article", "articlebody", "entry", "hentry", "post", "story", "blog", "prose",
    };

    // "The inner part of": a head only when nothing else names the part, so "entry-content" is content but
    // "footer-content" and "sidebar-body" are the footer's and the sidebar's.
    private static readonly HashSet<string> GenericContentWords = new(StringComparer.Ordinal)
    {
        "content", "body", "text", "main",
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

    public static bool IsChromeByName(IElement element) => NameLean(element) < 0;

    /// <summary>A dialog, a notice, a prompt or a comment thread that holds no headline and is not named like the article.</summary>
    public static bool IsInterruption(IElement element)
    {
        var interrupts = element.GetAttribute("role") is "dialog" or "alertdialog"
            || string.Equals(element.GetAttribute("aria-modal"), "true", StringComparison.OrdinalIgnoreCase)
            || Names(element).Any(name => Word().Matches(name).Any(word => InterruptionWords.Contains(word.Value.ToLowerInvariant())));
        return interrupts && !Names(element).Any(NamesContent) && element.QuerySelector("h1, main, [itemprop=articleBody]") is null;
    }

    /// <summary>-1 when the class or id names chrome, +1 when it names the article, 0 for neither.</summary>
    public static int NameLean(IElement element)
    {
        var content = false;
        var side = false;
        foreach (var name in Names(element))
        {
            var words = Word().Matches(name).Select(m => m.Value.ToLowerInvariant()).ToList();
            if (words.Any(w => ChromeWords.Contains(w) || InterruptionWords.Contains(w)))
            {
                return -1;
            }

            content |= NamesContent(words);
            side |= Head(words) is { } head && SideWords.Contains(head);
        }

        return content ? 1 : side ? -1 : 0;
    }

    private static bool NamesContent(string name) => NamesContent(Word().Matches(name).Select(m => m.Value.ToLowerInvariant()).ToList());

    private static bool NamesContent(List<string> words)
        => Head(words) is { } head ? ContentWords.Contains(head) : words.Any(GenericContentWords.Contains);

    /// <summary>The last word of a name that says what the element is, if any word does.</summary>
    private static string? Head(List<string> words)
        => words.LastOrDefault(w => ContentWords.Contains(w) || SideWords.Contains(w) || ChromeWords.Contains(w) || InterruptionWords.Contains(w));

    /// <summary>Each class of the element, and its id.</summary>
    private static IEnumerable<string> Names(IElement element)
    {
        foreach (var name in element.ClassList)
        {
            yield return name;
        }

        if (!string.IsNullOrEmpty(element.Id))
        {
            yield return element.Id;
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
