using System.Globalization;
using System.Xml;
using NewsMonitor.Feeds;

namespace NewsMonitor.Configuration.Opml;

/// <summary>
/// Writes a feed list as OPML 2.0 the way feed readers import it: one <c>type="rss"</c> outline per feed with
/// <c>text</c>, <c>title</c>, <c>xmlUrl</c>, <c>htmlUrl</c>, <c>language</c> and the tags as <c>category</c>, inside
/// one folder outline per category level (<c>News/World</c> → News › World), in feeds.json order. The id, poll
/// interval and a disabled switch go in this monitor's namespace, so importing the export gives back the same list.
/// </summary>
public static class OpmlWriter
{
    public static void Write(IReadOnlyList<FeedSource> feeds, TextWriter output, DateTimeOffset now)
    {
        // Declared UTF-8 whatever the writer's own encoding (a StringWriter's is UTF-16): the text is saved or piped as UTF-8.
        output.WriteLine("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, IndentChars = "  ", CloseOutput = false, OmitXmlDeclaration = true });
        xml.WriteStartElement("opml");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteAttributeString("xmlns", OpmlNames.Prefix, null, OpmlNames.Namespace);
        xml.WriteStartElement("head");
        xml.WriteElementString("title", "NewsMonitor feeds");
        xml.WriteElementString("dateCreated", now.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteStartElement("body");
        WriteFolder(xml, Folder.Of(feeds));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteFolder(XmlWriter xml, Folder folder)
    {
        foreach (var feed in folder.Feeds)
        {
            WriteFeed(xml, feed);
        }

        foreach (var (name, child) in folder.Children)
        {
            xml.WriteStartElement("outline");
            xml.WriteAttributeString("text", name);
            xml.WriteAttributeString("title", name);
            WriteFolder(xml, child);
            xml.WriteEndElement();
        }
    }

    private static void WriteFeed(XmlWriter xml, FeedSource feed)
    {
        xml.WriteStartElement("outline");
        xml.WriteAttributeString("type", "rss");
        xml.WriteAttributeString("text", feed.Name);
        xml.WriteAttributeString("title", feed.Name);
        xml.WriteAttributeString("xmlUrl", feed.Url.AbsoluteUri);
        if (feed.HtmlUrl is { } site)
        {
            xml.WriteAttributeString("htmlUrl", site.AbsoluteUri);
        }

        if (feed.Tags.Count > 0)
        {
            xml.WriteAttributeString("category", string.Join(',', feed.Tags));
        }

        if (feed.Language is { } language)
        {
            xml.WriteAttributeString("language", language);
        }

        xml.WriteAttributeString("id", OpmlNames.Namespace, feed.Id);
        if (feed.PollInterval is { } interval)
        {
            xml.WriteAttributeString("pollInterval", OpmlNames.Namespace, FeedPollInterval.Format(interval));
        }

        if (!feed.Enabled)
        {
            xml.WriteAttributeString("enabled", OpmlNames.Namespace, "false");
        }

        xml.WriteEndElement();
    }

    /// <summary>The category tree: feeds without a category at the top, folders in order of first appearance.</summary>
    private sealed class Folder
    {
        public List<FeedSource> Feeds { get; } = [];

        public List<(string Name, Folder Folder)> Children { get; } = [];

        public static Folder Of(IEnumerable<FeedSource> feeds)
        {
            var root = new Folder();
            foreach (var feed in feeds)
            {
                var folder = root;
                foreach (var name in feed.Category?.Split('/') ?? [])
                {
                    var index = folder.Children.FindIndex(c => FeedCategory.Comparer.Equals(c.Name, name));
                    if (index < 0)
                    {
                        folder.Children.Add((name, new Folder()));
                        index = folder.Children.Count - 1;
                    }

                    folder = folder.Children[index].Folder;
                }

                folder.Feeds.Add(feed);
            }

            return root;
        }
    }
}
