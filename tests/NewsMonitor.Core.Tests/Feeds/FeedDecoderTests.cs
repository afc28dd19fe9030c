using System.IO.Compression;
using System.Text;
using NewsMonitor.Feeds;

namespace NewsMonitor.Tests.Feeds;

public sealed class FeedDecoderTests
{
    private const string Title = "Café – « Новости » ’";

    static FeedDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>quirk, the document's bytes, the HTTP charset, the encoding expected, and why.</summary>
    public static TheoryData<string, byte[], string?, string, string> Documents => new()
    {
        { "UTF-8 BOM beats a wrong declaration and header", Bom(Encoding.UTF8, Xml("windows-1251", Title)), "iso-8859-1", "utf-8", "bom" },
        { "UTF-16LE BOM", Bom(Encoding.Unicode, Xml("utf-16", Title)), null, "utf-16", "bom" },
        { "UTF-16BE BOM", Bom(Encoding.BigEndianUnicode, Xml("utf-16", Title)), null, "utf-16BE", "bom" },
        { "UTF-32LE BOM", Bom(new UTF32Encoding(false, true), Xml("utf-32", Title)), null, "utf-32", "bom" },
        { "UTF-32BE BOM", Bom(new UTF32Encoding(true, true), Xml("utf-32", Title)), null, "utf-32BE", "bom" },
        { "UTF-16LE without BOM", Encoding.Unicode.GetBytes(Xml(null, Title)), null, "utf-16", "utf-detect" },
        { "UTF-16BE without BOM", Encoding.BigEndianUnicode.GetBytes(Xml(null, Title)), null, "utf-16BE", "utf-detect" },
        { "UTF-32BE without BOM", new UTF32Encoding(true, false).GetBytes(Xml(null, Title)), null, "utf-32BE", "utf-detect" },
        { "declared windows-1251", Cp(1251, Xml("windows-1251", "Новости")), null, "windows-1251", "declaration" },
        { "declared KOI8-R", Cp(20866, Xml("koi8-r", "Новости")), null, "koi8-r", "declaration" },
        { "declaration beats the HTTP charset", Cp(1251, Xml("windows-1251", "Новости")), "utf-8", "windows-1251", "declaration" },
        { "HTTP charset when nothing is declared", Cp(1251, Xml(null, "Новости")), "windows-1251", "windows-1251", "http" },
        { "HTTP charset in quotes", Cp(1251, Xml(null, "Новости")), "\"windows-1251\"", "windows-1251", "http" },
        { "declared ISO-8859-1 is read as windows-1252", Cp(1252, Xml("ISO-8859-1", "Café – ’")), null, "windows-1252", "declaration" },
        { "declared US-ASCII with high bytes", Cp(1252, Xml("us-ascii", "Café")), null, "windows-1252", "declaration" },
        { "UTF-8 behind an ISO-8859-1 label", Encoding.UTF8.GetBytes(Xml("ISO-8859-1", Title)), null, "utf-8", "declaration-mislabelled" },
        { "UTF-8 behind a windows-1251 HTTP charset", Encoding.UTF8.GetBytes(Xml(null, Title)), "windows-1251", "utf-8", "http-mislabelled" },
        { "undeclared UTF-8", Encoding.UTF8.GetBytes(Xml(null, Title)), null, "utf-8", "default" },
        { "undeclared invalid UTF-8 falls back to windows-1252", Cp(1252, Xml(null, "Café – ’")), null, "windows-1252", "default-invalid" },
        { "declared UTF-8 that is not", Cp(1252, Xml("utf-8", "Café – ’")), null, "windows-1252", "declaration-invalid" },
        { "unknown declared encoding is ignored", Encoding.UTF8.GetBytes(Xml("bogus", Title)), null, "utf-8", "default" },
        { "utf-16 declared on one-byte text is ignored", Encoding.UTF8.GetBytes(Xml("utf-16", Title)), null, "utf-8", "default" },
        { "double-encoded UTF-8", Encoding.UTF8.GetBytes(Xml("utf-8", DoubleEncode(Title))), null, "utf-8", "declaration-double-encoded" },
        { "declared encoding in single quotes", Cp(1251, Xml(null, "Новости").Replace("<rss", "<?xml version='1.0' encoding='windows-1251'?><rss", StringComparison.Ordinal)), null, "windows-1251", "declaration" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void EncodingIsChosenAndTheTextDecoded(string quirk, byte[] content, string? httpCharset, string encoding, string source)
    {
        var decoded = FeedDecoder.Decode(content, httpCharset);

        Assert.True((encoding, source) == (decoded.Encoding.WebName, decoded.EncodingSource), $"{quirk}: {decoded.Encoding.WebName}, {decoded.EncodingSource}");
        Assert.Contains("<title>", decoded.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', decoded.Text);
        Assert.False(decoded.Text.StartsWith('\uFEFF'), quirk);
    }

    [Theory]
    [InlineData("declared windows-1251", "Новости")]
    [InlineData("UTF-8 behind an ISO-8859-1 label", Title)]
    [InlineData("double-encoded UTF-8", Title)]
    [InlineData("declared ISO-8859-1 is read as windows-1252", "Café – ’")]
    [InlineData("undeclared invalid UTF-8 falls back to windows-1252", "Café – ’")]
    [InlineData("UTF-32BE without BOM", Title)]
    public void TitleSurvivesDecoding(string quirk, string title)
    {
        var row = Documents.Single(r => (string)r[0] == quirk);

        var decoded = FeedDecoder.Decode((byte[])row[1], (string?)row[2]);

        Assert.Contains($"<title>{title}</title>", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void C1ControlsAreReadAsWindows1252Punctuation()
    {
        var decoded = FeedDecoder.Decode(Encoding.UTF8.GetBytes(Xml(null, "don\u0092t \u0093quoted\u0094 \u0081")));

        Assert.Contains("<title>don’t “quoted” \u0081</title>", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidBytesAfterABomBecomeReplacementCharacters()
    {
        var content = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("<rss><title>Espa")).Concat(new byte[] { 0xF1 }).Concat(Encoding.UTF8.GetBytes("a</title></rss>")).ToArray();

        Assert.Contains("Espa\uFFFDa", FeedDecoder.Decode(content).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void GzipBodyIsExpanded()
    {
        var plain = Encoding.UTF8.GetBytes(Xml(null, Title));
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(plain);
        }

        Assert.True(FeedDecoder.TryGunzip(packed.ToArray(), out var expanded, out var problem));
        Assert.Null(problem);
        Assert.Equal(plain, expanded);
    }

    [Fact]
    public void GzipBombIsRefused()
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 40; i++)
            {
                gzip.Write(zeros);
            }
        }

        Assert.True(FeedDecoder.TryGunzip(packed.ToArray(), out _, out var problem));
        Assert.Equal("the body is gzip-compressed and expands past 32 MB", problem);
    }

    [Fact]
    public void PlainBodyIsNotGzip() => Assert.False(FeedDecoder.TryGunzip(Encoding.UTF8.GetBytes("<rss/>"), out _, out _));

    private static string Xml(string? encoding, string title) =>
        (encoding is null ? string.Empty : $"<?xml version=\"1.0\" encoding=\"{encoding}\"?>") + $"<rss version=\"2.0\"><channel><title>{title}</title></channel></rss>";

    private static byte[] Bom(Encoding encoding, string text) => [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];

    private static byte[] Cp(int codePage, string text) => Encoding.GetEncoding(codePage).GetBytes(text);

    private static string DoubleEncode(string text) => Encoding.GetEncoding(1252).GetString(Encoding.UTF8.GetBytes(text));
}
