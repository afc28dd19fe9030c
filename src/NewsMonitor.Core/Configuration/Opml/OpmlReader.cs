using System.Xml;

namespace NewsMonitor.Configuration.Opml;

/// <summary>
/// Reads the feed outlines of an OPML 1.0/2.0 subscription list as Miniflux, FreshRSS, Feedly and Inoreader export
/// it: an outline with an <c>xmlUrl</c> (or a feed <c>type</c>) is a feed, any other outline a folder, nested folders
/// the feed's category. A DTD is refused outright (no entity is expanded or fetched), and the size is capped.
/// </summary>
public static class OpmlReader
{
    /// <summary>Far more than any reader's export (10,000 feeds take about 3 MB), far less than would hurt.</summary>
    public const long MaxCharacters = 32L * 1024 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    /// <exception cref="InvalidDataException">Not well-formed XML, a DTD, too large, or not an OPML document; the message names <paramref name="source"/> and the line.</exception>
    public static IReadOnlyList<OpmlOutline> Read(Stream opml, string source)
    {
        var outlines = new List<OpmlOutline>();
        try
        {
            using var reader = XmlReader.Create(opml, Settings);
            var lines = (IXmlLineInfo)reader;
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "opml")
            {
                throw new InvalidDataException($"{source}: line {lines.LineNumber}: not an OPML document (it starts with <{reader.Name}>, not <opml>)");
            }

            // One entry per open outline: the folder name it adds, or null for a feed outline (its children keep the folder).
            var open = new Stack<string?>();
            var inBody = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI.Length == 0)
                {
                    if (reader.LocalName == "body" && open.Count == 0)
                    {
                        inBody = !reader.IsEmptyElement;
                    }
                    else if (reader.LocalName == "outline" && inBody)
                    {
                        var empty = reader.IsEmptyElement;
                        var outline = ReadOutline(reader, lines.LineNumber, open.Where(f => !string.IsNullOrEmpty(f)).Reverse().ToList()!);
                        var isFeed = !string.IsNullOrWhiteSpace(outline.XmlUrl) || IsFeedType(outline.Type);
                        if (isFeed)
                        {
                            outlines.Add(outline);
                        }

                        if (!empty)
                        {
                            open.Push(isFeed ? null : (outline.Text ?? outline.Title ?? string.Empty).Trim());
                        }
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.NamespaceURI.Length == 0)
                {
                    if (reader.LocalName == "outline" && open.Count > 0)
                    {
                        open.Pop();
                    }
                    else if (reader.LocalName == "body")
                    {
                        inBody = false;
                    }
                }
            }
        }
        catch (XmlException ex)
        {
            // A refused DTD and the size cap come without a position, and the reader has lost it by then.
            var line = ex.LineNumber > 0 ? $" line {ex.LineNumber}:" : string.Empty;
            throw new InvalidDataException($"{source}:{line} not well-formed OPML ({ex.Message})", ex);
        }

        return outlines;
    }

    /// <summary>Whether an outline's <c>type</c> says feed even without an <c>xmlUrl</c> (a broken entry, reported rather than taken for a folder).</summary>
    internal static bool IsFeedType(string? type)
        => type is not null && (type.Equals("rss", StringComparison.OrdinalIgnoreCase) || type.Equals("atom", StringComparison.OrdinalIgnoreCase));

    private static OpmlOutline ReadOutline(XmlReader reader, int line, IReadOnlyList<string> folders)
    {
        // Attribute names as the spec spells them, but any case: hand-made files write xmlurl or XMLURL.
        var plain = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var own = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (reader.MoveToNextAttribute())
        {
            if (reader.NamespaceURI.Length == 0)
            {
                plain.TryAdd(reader.LocalName, reader.Value);
            }
            else if (reader.NamespaceURI == OpmlNames.Namespace)
            {
                own.TryAdd(reader.LocalName, reader.Value);
            }
        }

        reader.MoveToElement();
        return new OpmlOutline(line, folders)
        {
            Text = Blank(plain.GetValueOrDefault("text")),
            Title = Blank(plain.GetValueOrDefault("title")),
            Type = Blank(plain.GetValueOrDefault("type")),
            XmlUrl = plain.GetValueOrDefault("xmlUrl"),
            HtmlUrl = Blank(plain.GetValueOrDefault("htmlUrl")),
            Category = Blank(plain.GetValueOrDefault("category")),
            Language = Blank(plain.GetValueOrDefault("language")),
            Id = Blank(own.GetValueOrDefault("id")),
            PollInterval = Blank(own.GetValueOrDefault("pollInterval")),
            Enabled = Blank(own.GetValueOrDefault("enabled")),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
