using System.Globalization;
using System.Text;
using System.Xml;
using NewsMonitor.Escaping;

namespace NewsMonitor.Delivery.Syndication;

/// <summary>
/// Writes an <see cref="AtomFeed"/> as Atom 1.0 (RFC 4287) with <see cref="XmlWriter"/>, which escapes every text and
/// attribute; characters XML cannot carry (controls, lone surrogates) are removed first, so a hostile headline can
/// neither break the document nor act in a reader.
/// </summary>
public static class AtomWriter
{
    public const string Namespace = "http://www.w3.org/2005/Atom";

    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <param name="updated">The feed's atom:updated: its newest entry, or the moment of the request for an empty feed.</param>
    public static string Write(AtomFeed feed, DateTimeOffset updated)
    {
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var xml = XmlWriter.Create(new Utf8StringWriter(text), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);

            // The feed's own words are English; an entry's language is unknown (feeds are in many), which xml:lang="" says.
            xml.WriteAttributeString("xml", "lang", null, "en");
            xml.WriteElementString("id", Namespace, feed.Id);
            Text(xml, "title", feed.Title);
            Text(xml, "subtitle", feed.Subtitle);
            xml.WriteElementString("updated", Namespace, Rfc3339(updated));
            Link(xml, "self", feed.Self, "application/atom+xml");
            Link(xml, "alternate", feed.Alternate, "text/html");
            xml.WriteElementString("generator", Namespace, "NewsMonitor");
            foreach (var entry in feed.Entries)
            {
                Entry(xml, entry);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return text.ToString();
    }

    /// <summary>RFC 3339 in UTC with seconds, as the Atom date construct asks (<c>2025-03-01T08:15:00Z</c>).</summary>
    public static string Rfc3339(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Text XML 1.0 can carry and a reader shows as written: controls (<see cref="ControlCharacters"/>), lone surrogates and U+FFFE/U+FFFF removed.</summary>
    public static string Clean(string text)
    {
        var stripped = ControlCharacters.Strip(text);
        var result = new StringBuilder(stripped.Length);
        for (var i = 0; i < stripped.Length; i++)
        {
            var c = stripped[i];
            if (char.IsHighSurrogate(c) && i + 1 < stripped.Length && char.IsLowSurrogate(stripped[i + 1]))
            {
                result.Append(c).Append(stripped[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static void Entry(XmlWriter xml, AtomEntry entry)
    {
        xml.WriteStartElement("entry", Namespace);
        xml.WriteAttributeString("xml", "lang", null, string.Empty);
        xml.WriteElementString("id", Namespace, entry.Id);
        Text(xml, "title", entry.Title);
        Link(xml, "alternate", entry.Link, "text/html");
        xml.WriteStartElement("author", Namespace);
        xml.WriteElementString("name", Namespace, Clean(entry.Author));
        xml.WriteEndElement();
        if (entry.Published is { } published)
        {
            xml.WriteElementString("published", Namespace, Rfc3339(published));
        }

        xml.WriteElementString("updated", Namespace, Rfc3339(entry.Updated));
        foreach (var category in entry.Categories)
        {
            xml.WriteStartElement("category", Namespace);
            xml.WriteAttributeString("term", Clean(category.Term));
            xml.WriteAttributeString("label", Clean(category.Label));
            xml.WriteEndElement();
        }

        xml.WriteStartElement("content", Namespace);
        xml.WriteAttributeString("type", "html");
        xml.WriteString(Clean(entry.HtmlContent));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement(name, Namespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(Clean(value));
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, Uri href, string type)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href.AbsoluteUri);
        xml.WriteEndElement();
    }

    /// <summary>A StringWriter that declares UTF-8, so the XML declaration says what the HTTP body is.</summary>
    private sealed class Utf8StringWriter(StringBuilder text) : StringWriter(text, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
