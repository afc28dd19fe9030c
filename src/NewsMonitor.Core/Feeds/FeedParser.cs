using System.Runtime.Serialization;
using System.Xml;
using System.Xml.Linq;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Parser;

namespace NewsMonitor.Feeds;

/// <summary>
/// Parses feed bytes — RSS 0.9x/1.0/2.0, Atom, JSON Feed — into <see cref="ParsedFeed"/>. The bytes are decoded here
/// (<see cref="FeedDecoder"/>), DTDs are kept away (<see cref="FeedDoctype"/>), CodeHollow.FeedReader reads the text
/// (never its downloader), and dates, links and ids are read by this project's rules (<see cref="FeedEntries"/>).
/// </summary>
public static class FeedParser
{
    /// <param name="httpCharset">The charset of the response's Content-Type, if any; the BOM and the XML declaration come first.</param>
    public static ParsedFeed Parse(byte[] content, Uri feedUrl, string? httpCharset = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(feedUrl);
        if (FeedDecoder.TryGunzip(content, out var expanded, out var gzipProblem))
        {
            content = gzipProblem is null ? expanded : throw Fail(feedUrl, gzipProblem);
        }

        var text = FeedDecoder.Decode(content, httpCharset).Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Fail(feedUrl, "the document is empty");
        }

        return IsJson(text) ? FeedEntries.ToParsedFeed(ReadJson(text, feedUrl), feedUrl) : ReadXml(text, feedUrl);
    }

    private static Feed ReadJson(string text, Uri feedUrl)
    {
        try
        {
            return FeedReader.ReadFromString(text);
        }
        catch (Exception ex) when (ex is XmlException or SerializationException or FormatException)
        {
            throw Fail(feedUrl, $"malformed JSON: {ex.Message}", ex);
        }
        catch (FeedTypeNotSupportedException ex)
        {
            throw Fail(feedUrl, ex.Message, ex);
        }
    }

    private static ParsedFeed ReadXml(string text, Uri feedUrl)
    {
        // An XML declaration must come first; feeds often have blank lines (or a second BOM) before it.
        text = XmlCharacters.RemoveInvalid(text).TrimStart(' ', '\t', '\r', '\n', '\uFEFF');
        if (FeedDoctype.TryRemove(text, out text) is { } refused)
        {
            throw Fail(feedUrl, refused);
        }

        if (LooksLikeHtml(text))
        {
            throw Fail(feedUrl, "the document is an HTML page, not a feed");
        }

        try
        {
            return ReadCheckedXml(text, feedUrl);
        }
        catch (XmlException first)
        {
            var repaired = FeedEntityRepair.Repair(text);
            if (repaired == text)
            {
                throw Fail(feedUrl, FeedDoctype.Describe(first), first);
            }

            try
            {
                return ReadCheckedXml(repaired, feedUrl);
            }
            catch (XmlException)
            {
                // The first error names the real problem; the repair can only hide it.
                throw Fail(feedUrl, FeedDoctype.Describe(first), first);
            }
        }
    }

    private static ParsedFeed ReadCheckedXml(string text, Uri feedUrl)
    {
        // Belt and braces: the prolog is read once with DTDs prohibited before CodeHollow's XDocument.Parse (which
        // would process a DTD) sees the text; a DOCTYPE anywhere later is an error to every XML parser.
        FeedDoctype.CheckProlog(text);
        try
        {
            return FeedEntries.ToParsedFeed(FeedReader.ReadFromString(text), feedUrl);
        }
        catch (FeedTypeNotSupportedException ex)
        {
            throw Fail(feedUrl, Describe(ex), ex);
        }
        catch (NullReferenceException ex)
        {
            // CodeHollow dereferences <channel> without checking that it is there.
            return WithoutChannel(text) ?? throw Fail(feedUrl, "the feed has items but no <channel> element", ex);
        }
    }

    /// <summary>An &lt;rss&gt; or RDF document without a channel and without items is an empty feed, not an error.</summary>
    private static ParsedFeed? WithoutChannel(string text)
    {
        var root = XDocument.Parse(text).Root!;
        if (root.Descendants().Any(e => e.Name.LocalName is "item" or "channel"))
        {
            return null;
        }

        var format = root.Name.LocalName == "RDF" ? "rss10" : "rss" + (root.Attribute("version")?.Value.Trim().Replace(".", string.Empty, StringComparison.Ordinal) ?? string.Empty);
        return new ParsedFeed(format is "rss20" or "rss091" or "rss092" or "rss10" ? format : "rss", null, []);
    }

    private static string Describe(FeedTypeNotSupportedException error) => error switch
    {
        { Message: var message } when message.Contains("html", StringComparison.OrdinalIgnoreCase)
            => "the document is an HTML page, not a feed",
        _ => $"the root element <{error.Message.Replace("unknown feed type ", string.Empty, StringComparison.Ordinal)}> is not rss, rdf:RDF or an Atom feed",
    };

    private static bool IsJson(string text) => text.AsSpan().TrimStart() is ['{' or '[', ..];

    private static bool LooksLikeHtml(string text)
    {
        var start = text.AsSpan().TrimStart();
        while (start.StartsWith("<!--", StringComparison.Ordinal) || start.StartsWith("<?", StringComparison.Ordinal))
        {
            var end = start.IndexOf(start[1] == '!' ? "-->" : "?>", StringComparison.Ordinal);
            start = end < 0 ? [] : start[(end + 3 - (start[1] == '!' ? 0 : 1))..].TrimStart();
        }

        return start.StartsWith("<html", StringComparison.OrdinalIgnoreCase) && start.Length > 5 && start[5] is '>' or ' ' or '\t' or '\r' or '\n';
    }

    private static FeedParseException Fail(Uri feedUrl, string problem, Exception? inner = null) => new(feedUrl.ToString(), problem, inner);
}
