using System.Xml.Linq;

namespace NewsMonitor.Feeds;

/// <summary>
/// Makes item links absolute: against the xml:base in scope (on the element itself or any ancestor, each resolved
/// against the one above it), then the feed URL. Only http and https links are kept. See FeedParserTests' link rows.
/// </summary>
public static class FeedLinks
{
    private static readonly XName XmlBase = XNamespace.Xml + "base";

    public static Uri? Resolve(string? link, XElement? context, Uri feedUrl)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }

        var baseUri = context is null ? feedUrl : BaseOf(context, feedUrl);
        if (!Uri.TryCreate(baseUri, link.Trim(), out var resolved))
        {
            return null;
        }

        return resolved.Scheme == Uri.UriSchemeHttp || resolved.Scheme == Uri.UriSchemeHttps ? resolved : null;
    }

    /// <summary>The base URI in scope at <paramref name="element"/>: its xml:base and its ancestors', outermost first.</summary>
    public static Uri BaseOf(XElement element, Uri feedUrl)
    {
        List<string>? bases = null;
        for (var current = element; current is not null; current = current.Parent)
        {
            if (current.Attribute(XmlBase) is { } attribute && !string.IsNullOrWhiteSpace(attribute.Value))
            {
                (bases ??= []).Add(attribute.Value.Trim());
            }
        }

        var result = feedUrl;
        for (var i = (bases?.Count ?? 0) - 1; i >= 0; i--)
        {
            if (Uri.TryCreate(result, bases![i], out var next))
            {
                result = next;
            }
        }

        return result;
    }
}
