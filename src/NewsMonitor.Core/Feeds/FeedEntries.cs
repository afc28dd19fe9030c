using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;

namespace NewsMonitor.Feeds;

/// <summary>
/// Turns CodeHollow's reading of a feed into <see cref="ParsedFeed"/>, taking ids, titles, summaries and content from
/// it but links, dates and the update hint from the elements themselves, by this project's rules.
/// </summary>
internal static class FeedEntries
{
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Atom10 = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Atom03 = "http://purl.org/atom/ns#";
    private static readonly XNamespace Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    // Atom links that never point at the item's own page.
    private static readonly HashSet<string> NotThePage = new(StringComparer.OrdinalIgnoreCase) { "self", "edit", "edit-media", "enclosure", "replies", "license", "payment", "hub" };

    public static ParsedFeed ToParsedFeed(Feed feed, Uri feedUrl)
    {
        var items = new List<FeedEntry>(feed.Items.Count);
        foreach (var item in feed.Items)
        {
            if (ToEntry(item, feedUrl) is { } entry)
            {
                items.Add(entry);
            }
        }

        var channel = feed.SpecificFeed?.Element;
        var interval = feed.Type == FeedType.JsonFeed ? null : FeedUpdateInterval.Read(channel?.Document?.Root);
        return new ParsedFeed(FormatName(feed.Type, channel), OneLine(feed.Title), items, interval);
    }

    private static FeedEntry? ToEntry(FeedItem item, Uri feedUrl)
    {
        var element = item.SpecificItem?.Element;
        var link = item.SpecificItem switch
        {
            JsonFeedItem json => FeedLinks.Resolve(Blank(json.Url) ?? json.ExternalUrl, null, feedUrl),
            AtomFeedItem when element is not null => AtomLink(element.Elements(element.Name.Namespace + "link"), feedUrl),
            _ when element is not null => RssLink(element, feedUrl),
            _ => FeedLinks.Resolve(item.Link, null, feedUrl),
        };
        var title = OneLine(item.Title);
        var summary = Blank(item.Description);
        var content = Blank(item.Content);
        var id = Blank(item.Id) ?? link?.ToString() ?? title ?? ContentId(summary ?? content ?? element?.ToString(SaveOptions.DisableFormatting));
        if (id is null)
        {
            return null;
        }

        var published = item.SpecificItem switch
        {
            JsonFeedItem json => FeedDates.Parse(json.DatePublishedString) ?? FeedDates.Parse(json.DateModifiedString),
            AtomFeedItem when element is not null => FirstDate(element, element.Name.Namespace, "published", "issued", "created", "updated", "modified"),
            _ when element is not null => FirstDate(element, element.Name.Namespace, "pubDate")
                ?? FirstDate(element, DublinCore, "date", "created", "issued")
                ?? FirstDate(element, Atom10, "published", "updated"),
            _ => FeedDates.Parse(item.PublishingDateString),
        };

        return new FeedEntry(id.Trim(), title, link, published, summary, content);
    }

    private static Uri? AtomLink(IEnumerable<XElement> links, Uri feedUrl)
    {
        XElement? best = null;
        var bestRank = int.MaxValue;
        foreach (var link in links)
        {
            var rel = link.Attribute("rel")?.Value.Trim();
            var type = link.Attribute("type")?.Value.Trim();
            var rank = string.IsNullOrEmpty(rel) || rel.Equals("alternate", StringComparison.OrdinalIgnoreCase)
                ? (type is null || type.Contains("html", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                : NotThePage.Contains(rel) ? int.MaxValue : 2;
            if (rank < bestRank && !string.IsNullOrWhiteSpace(link.Attribute("href")?.Value))
            {
                (best, bestRank) = (link, rank);
            }
        }

        return best is null ? null : FeedLinks.Resolve(best.Attribute("href")!.Value, best, feedUrl);
    }

    // RSS: <link>, else a permalink <guid> (isPermaLink defaults to true), else RDF's rdf:about, else an atom:link.
    private static Uri? RssLink(XElement item, Uri feedUrl)
    {
        var link = item.Element(item.Name.Namespace + "link");
        if (link is not null && FeedLinks.Resolve(link.Value, link, feedUrl) is { } fromLink)
        {
            return fromLink;
        }

        var guid = item.Element(item.Name.Namespace + "guid");
        if (guid is not null
            && !string.Equals(guid.Attribute("isPermaLink")?.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase)
            && Uri.TryCreate(guid.Value.Trim(), UriKind.Absolute, out var permalink)
            && FeedLinks.Resolve(permalink.AbsoluteUri, null, feedUrl) is { } fromGuid)
        {
            return fromGuid;
        }

        if (item.Attribute(Rdf + "about") is { } about && Uri.TryCreate(about.Value.Trim(), UriKind.Absolute, out var resource)
            && FeedLinks.Resolve(resource.AbsoluteUri, null, feedUrl) is { } fromAbout)
        {
            return fromAbout;
        }

        return AtomLink(item.Elements(Atom10 + "link"), feedUrl);
    }

    private static DateTimeOffset? FirstDate(XElement element, XNamespace ns, params string[] names)
    {
        foreach (var name in names)
        {
            if (element.Element(ns + name) is { } date && FeedDates.Parse(date.Value) is { } parsed)
            {
                return parsed;
            }
        }

        return null;
    }

    private static string FormatName(FeedType type, XElement? channel) => type switch
    {
        FeedType.Rss_2_0 or FeedType.MediaRss => "rss20",
        FeedType.Rss_1_0 when channel?.Name.Namespace == Rss090 => "rss090",
        FeedType.Rss_1_0 => "rss10",
        FeedType.Rss_0_92 => "rss092",
        FeedType.Rss_0_91 => "rss091",
        FeedType.Rss => "rss",
        FeedType.Atom when channel?.Name.Namespace == Atom03 => "atom03",
        FeedType.Atom => "atom10",
        FeedType.JsonFeed => "json",
        _ => "unknown",
    };

    // An item with neither id, link nor title is still an item (the poller skips it for want of a link); its text, or
    // else its markup, names it.
    private static string? ContentId(string? text) => text is null ? null : "urn:sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>A title is one line: runs of whitespace (feeds indent and wrap them) become one space.</summary>
    private static string? OneLine(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.AsSpan().IndexOfAny("\r\n\t") < 0 && !trimmed.Contains("  ", StringComparison.Ordinal)
            ? trimmed
            : string.Join(' ', trimmed.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
    }
}
