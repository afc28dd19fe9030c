using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsMonitor.Articles;

/// <summary>What an element is to the article: part of it, chrome around it, or an interruption laid over it.</summary>
internal enum ElementRole
{
    Content,
    Chrome,
    Interruption,
}

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
    private static readonly HashSet<string> ChromeWords = new(StringComparer.OrdinalIgnoreCase)
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
    private static readonly HashSet<string> InterruptionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "cookie", "cookies", "consent", "gdpr", "popup", "modal", "overlay", "newsletter", "subscribe", "signup", "login", "register",
        "comment", "comments", "commentlist", "respond", "replies", "disqus",
    };

    // Parts around the story. A name is read by its head, its last known word, as English compounds are: "post-author"
    // is an author box and "post-content" the content, "entry-meta" chrome and "elementor-widget-post-content" not. An
    // element with one name headed by a content word is content whatever its other names say (WordPress gives the
    // article itself "tag-…" classes).
    private static readonly HashSet<string> SideWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "banner", "nav", "navbar", "navigation", "subnav", "topnav", "menu", "megamenu", "header", "masthead", "footer",
        "sidebar", "rail", "widget", "widgets", "toolbar", "tools", "print", "email", "follow", "cta",
        "byline", "author", "authors", "dateline", "timestamp", "date", "meta", "tags", "tag", "keywords",
        "caption", "captions", "credit", "credits", "figcaption",
    };

    private static readonly HashSet<string> ContentWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "article", "articlebody", "entry", "hentry", "post", "story", "blog", "prose",
    };

    // "The inner part of": a head only when nothing else names the part, so "entry-content" is content but
    // "footer-content" and "sidebar-body" are the footer's and the sidebar's.
    private static readonly HashSet<string> GenericContentWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "content", "body", "text", "main",
    };

    // Classes that hide text from sight but keep it for screen readers ("Skip to content", "Opens in a new window").
    private static readonly HashSet<string> ScreenReaderOnlyNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "sr-only", "screen-reader-text", "visually-hidden", "visuallyhidden",
    };

    private static readonly HashSet<string> ChromeRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu", "menubar", "toolbar",
    };

    /// <summary>Tags that never carry text a reader takes for the article.</summary>
    public static bool IsNonContent(IElement element) => element.LocalName is "script" or "style" or "noscript" or "template"
        or "svg" or "canvas" or "iframe" or "object" or "embed" or "button" or "input" or "select" or "textarea" or "dialog"
        or "audio" or "video" or "map" or "link" or "meta";

    /// <summary>
    /// Whether the element is chrome (hidden, page structure, or named so — with <paramref name="byName"/>), an
    /// interruption, or neither. A class inside a heading styles the heading's own text or anchor ("header", "date"), so
    /// it does not make that text chrome.
    /// </summary>
    public static ElementRole Classify(IElement element, bool byName)
    {
        var structure = element.LocalName is "nav" or "aside" or "footer" or "header" or "form" or "figcaption";
        if (element.Attributes.Length == 0)
        {
            return structure ? ElementRole.Chrome : ElementRole.Content;
        }

        var attributes = Attributes.Of(element);
        var names = ReadNames(attributes.Class, attributes.Id);
        var interrupts = names.Interrupts || attributes.Role is "dialog" or "alertdialog" || attributes.AriaModal;
        if (interrupts && !names.Content && element.QuerySelector("h1, main, [itemprop=articleBody]") is null)
        {
            return ElementRole.Interruption;
        }

        var hidden = attributes.Hidden || names.ScreenReaderOnly || (attributes.Style is { } style && HiddenStyle().IsMatch(style));
        structure |= attributes.Role is { } role && ChromeRoles.Contains(role);
        var named = byName && Lean(names) < 0 && (HtmlBlocks.IsBlock(element) || element.Closest("h1, h2, h3, h4, h5, h6") is null);
        return hidden || structure || named ? ElementRole.Chrome : ElementRole.Content;
    }

    /// <summary>-1 when the class or id names chrome, +1 when it names the article, 0 for neither.</summary>
    public static int NameLean(IElement element)
        => element.Attributes.Length == 0 ? 0 : Lean(ReadNames(element.GetAttribute("class"), element.GetAttribute("id")));

    private static int Lean(ElementNames names) => names.Chrome || names.Interrupts ? -1 : names.Content ? 1 : names.Side ? -1 : 0;

    /// <summary>What the element's classes and id say together.</summary>
    private static ElementNames ReadNames(string? classes, string? id)
    {
        var names = default(ElementNames);
        if (!string.IsNullOrEmpty(classes))
        {
            foreach (var range in classes.AsSpan().SplitAny(" \t\n\r\f"))
            {
                names = names.With(classes.AsSpan()[range]);
            }
        }

        return string.IsNullOrEmpty(id) ? names : names.With(id);
    }

    /// <summary>The attributes the classifier reads, in one pass over the element's attributes.</summary>
    private readonly record struct Attributes(string? Class, string? Id, string? Role, string? Style, bool Hidden, bool AriaModal)
    {
        public static Attributes Of(IElement element)
        {
            var result = default(Attributes);
            foreach (var attribute in element.Attributes)
            {
                result = attribute.LocalName switch
                {
                    "class" => result with { Class = attribute.Value },
                    "id" => result with { Id = attribute.Value },
                    "role" => result with { Role = attribute.Value },
                    "style" => result with { Style = attribute.Value },
                    "hidden" => result with { Hidden = true },
                    "aria-hidden" => result with { Hidden = result.Hidden || IsTrue(attribute.Value) },
                    "aria-modal" => result with { AriaModal = IsTrue(attribute.Value) },
                    _ => result,
                };
            }

            return result;
        }

        private static bool IsTrue(string value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether any name is chrome or an interruption, any is headed by a content word or by a side word, and any marks
    /// text kept for screen readers only.
    /// </summary>
    private readonly record struct ElementNames(bool Chrome, bool Interrupts, bool Content, bool Side, bool ScreenReaderOnly)
    {
        public ElementNames With(ReadOnlySpan<char> name)
        {
            if (name.IsEmpty)
            {
                return this;
            }

            var reading = Read(name);
            return new ElementNames(
                Chrome || reading.IsChrome,
                Interrupts || reading.Interrupts,
                Content || reading.IsContent,
                Side || reading.Head == WordKind.Side,
                ScreenReaderOnly || ScreenReaderOnlyLookup.Contains(name));
        }
    }

    /// <summary>
    /// Splits a name into words at punctuation, digits and camelCase humps ("RichTextArticleBody" → Rich, Text, Article,
    /// Body; "HTMLParser" → HTML, Parser) and looks each up without allocating.
    /// </summary>
    private static NameReading Read(ReadOnlySpan<char> span)
    {
        var reading = default(NameReading);
        var i = 0;
        while (i < span.Length)
        {
            var start = i;
            if (char.IsLower(span[i]))
            {
                while (i < span.Length && char.IsLower(span[i]))
                {
                    i++;
                }
            }
            else if (char.IsUpper(span[i]))
            {
                while (i < span.Length && char.IsUpper(span[i]))
                {
                    i++;
                }

                // "HTMLParser": the last capital starts the next word when lower case follows it.
                if (i < span.Length && char.IsLower(span[i]))
                {
                    if (i - start > 1)
                    {
                        reading = reading.With(Kind(span[start..(i - 1)]));
                        start = i - 1;
                    }

                    while (i < span.Length && char.IsLower(span[i]))
                    {
                        i++;
                    }
                }
            }
            else
            {
                i++;
                continue;
            }

            reading = reading.With(Kind(span[start..i]));
        }

        return reading;
    }

    private static WordKind Kind(ReadOnlySpan<char> word)
        => ChromeLookup.Contains(word) ? WordKind.Chrome
        : InterruptionLookup.Contains(word) ? WordKind.Interruption
        : ContentLookup.Contains(word) ? WordKind.Content
        : SideLookup.Contains(word) ? WordKind.Side
        : GenericLookup.Contains(word) ? WordKind.Generic
        : WordKind.None;

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ScreenReaderOnlyLookup = ScreenReaderOnlyNames.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ChromeLookup = ChromeWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> InterruptionLookup = InterruptionWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ContentLookup = ContentWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SideLookup = SideWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> GenericLookup = GenericContentWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private enum WordKind
    {
        None,
        Generic,
        Content,
        Side,
        Chrome,
        Interruption,
    }

    /// <summary>What the words of one name say: whether any is chrome or an interruption, and the head, its last known word.</summary>
    private readonly record struct NameReading(bool IsChrome, bool Interrupts, bool HasGeneric, WordKind Head)
    {
        /// <summary>Headed by a content word, or only by a generic one ("entry-content", "main"; not "footer-content").</summary>
        public bool IsContent => Head == WordKind.Content || (Head == WordKind.None && HasGeneric);

        public NameReading With(WordKind kind) => kind switch
        {
            WordKind.None => this,
            WordKind.Generic => this with { HasGeneric = true },
            WordKind.Chrome => this with { IsChrome = true, Head = kind },
            WordKind.Interruption => this with { Interrupts = true, Head = kind },
            _ => this with { Head = kind },
        };
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();

}
