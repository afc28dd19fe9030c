using NewsMonitor.Configuration.Opml;

namespace NewsMonitor.Tests.Configuration.Opml;

/// <summary><see cref="OpmlReader"/> on files that must be refused whole, each with the line that is wrong.</summary>
[Trait("Category", "Reliability")]
public sealed class OpmlReaderTests
{
    public static TheoryData<string, string> Refused => new()
    {
        { "OpmlExternalEntity.opml", "OpmlExternalEntity.opml: not well-formed OPML (For security reasons DTD is prohibited" },
        { "OpmlEntityExpansion.opml", "OpmlEntityExpansion.opml: not well-formed OPML (For security reasons DTD is prohibited" },
        { "OpmlUnclosedOutline.opml", "OpmlUnclosedOutline.opml: line 7: not well-formed OPML (The 'outline' start tag on line 5 position 6 does not match the end tag of 'body'." },
        { "NotOpml.opml", "NotOpml.opml: line 2: not an OPML document (it starts with <rss>, not <opml>)" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void AHostileOrBrokenFileIsRefusedWithItsLine(string file, string message)
    {
        using var opml = File.OpenRead(TestFiles.PathOf(Path.Combine("Opml", file)));

        var error = Assert.Throws<InvalidDataException>(() => OpmlReader.Read(opml, file));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileOverTheSizeCapIsRefused()
    {
        var outline = """<outline type="rss" text="x" xmlUrl="https://a.example/feed"/>""";
        var body = string.Concat(Enumerable.Repeat(outline, (int)(OpmlReader.MaxCharacters / outline.Length) + 1));
        using var opml = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"<opml version=\"2.0\"><body>{body}</body></opml>"));

        var error = Assert.Throws<InvalidDataException>(() => OpmlReader.Read(opml, "huge.opml"));

        Assert.Contains("MaxCharactersInDocument", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutlinesInTheHeadAndNotesWithoutAddressAreNotFeeds()
    {
        using var opml = new MemoryStream("""
            <opml version="2.0"><head><title>t</title></head>
            <body><outline text="Just a note"/><outline text="Folder"><outline text="X" XMLURL="https://x.example/feed"/></outline></body></opml>
            """u8.ToArray());

        var outlines = OpmlReader.Read(opml, "notes.opml");

        var feed = Assert.Single(outlines);
        Assert.Equal(("https://x.example/feed", "Folder", 2), (feed.XmlUrl, Assert.Single(feed.Folders), feed.Line));
    }
}
