using System.Text;
using System.Xml;
using CodeHollow.FeedReader;

namespace NewsMonitor.Feeds;

/// <summary>Parses feed bytes with CodeHollow.FeedReader (never its downloader) into <see cref="ParsedFeed"/>.</summary>
public static class FeedParser
{
    public static ParsedFeed Parse(byte[] content, Uri feedUrl)
    {
        Feed feed;
        try
        {
            RefuseDocumentType(content);
            feed = FeedReader.ReadFromByteArray(content);
        }
        catch (Exception ex) when (ex is XmlException or FormatException or InvalidOperationException or ArgumentException or NullReferenceException or CodeHollow.FeedReader.Parser.FeedTypeNotSupportedException)
        {
            throw new FeedParseException(feedUrl.ToString(), ex.Message, ex);
        }

        var items = new List<FeedEntry>(feed.Items.Count);
        foreach (var item in feed.Items)
        {
            var link = Resolve(feedUrl, item.Link);
            var id = FirstNonBlank(item.Id, link?.ToString(), item.Title);
            if (id is null)
            {
                continue;
            }

            items.Add(new FeedEntry(
                id.Trim(),
                Blank(item.Title)?.Trim(),
                link,
                item.PublishingDate is { } date ? new DateTimeOffset(DateTime.SpecifyKind(date, date.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : date.Kind)).ToUniversalTime() : null,
                Blank(item.Description),
                Blank(item.Content)));
        }

        return new ParsedFeed(FormatName(feed.Type), Blank(feed.Title)?.Trim(), items);
    }

    // FeedReader parses with XDocument.Parse, which expands the entities a DTD declares (nested ones grow to megabytes);
    // no feed needs a DTD, so the prolog is read first with DTDs prohibited. The bytes are decoded and trimmed as
    // FeedReader does, so every document it would accept gets past this. See FeedParserTests.DocumentWithADtdIsRefusedBeforeAnyEntityIsExpanded.
    private static void RefuseDocumentType(byte[] content)
    {
        var text = Encoding.UTF8.GetString(content).Replace("\u001C", string.Empty, StringComparison.Ordinal).Replace("\uFEFF", string.Empty, StringComparison.Ordinal).Trim();
        using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        reader.MoveToContent();
    }

    private static Uri? Resolve(Uri feedUrl, string? link)
    {
        if (string.IsNullOrWhiteSpace(link) || !Uri.TryCreate(feedUrl, link.Trim(), out var resolved))
        {
            return null;
        }

        return resolved.Scheme == Uri.UriSchemeHttp || resolved.Scheme == Uri.UriSchemeHttps ? resolved : null;
    }

    private static string FormatName(FeedType type) => type switch
    {
        FeedType.Rss_2_0 or FeedType.MediaRss => "rss20",
        FeedType.Rss_1_0 => "rss10",
        FeedType.Rss_0_92 => "rss092",
        FeedType.Rss_0_91 => "rss091",
        FeedType.Rss => "rss",
        FeedType.Atom => "atom10",
        FeedType.JsonFeed => "json",
        _ => "unknown",
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? FirstNonBlank(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
