using System.Diagnostics;
using System.Text;
using NewsMonitor.Feeds;

namespace NewsMonitor.Tests.Feeds;

/// <summary>
/// External entities are never resolved and entity bombs never expand: each hostile document aims its external
/// identifiers at a loopback server that records connections, and the test asserts it recorded none.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class FeedSafetyTests(LoopbackRecorder recorder) : IClassFixture<LoopbackRecorder>
{
    private static readonly Uri FeedUrl = new("https://hostile.example/feed.xml");

    private const string Channel = "<rss version=\"2.0\"><channel><title>T</title><item><title>I {0}</title><link>https://hostile.example/a</link></item></channel></rss>";

    // {url} is the recorder; {0} in Channel is where an entity is referenced.
    public static TheoryData<string, string> ExternalReferences => new()
    {
        { "external general entity", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"{url}general\">]>" + Feed("&x;") },
        { "external parameter entity", "<!DOCTYPE rss [<!ENTITY % p SYSTEM \"{url}parameter\"> %p;]>" + Feed("&y;") },
        { "public external entity", "<!DOCTYPE rss [<!ENTITY x PUBLIC \"-//X//Y//EN\" \"{url}public\">]>" + Feed("&x;") },
        { "external DTD subset after a comment and a PI", "<?xml version=\"1.0\"?>\n<!-- c --><?pi x?>\n<!DOCTYPE rss SYSTEM \"{url}rss.dtd\">" + Feed("&eacute;") },
        { "external DTD with a public id", "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"{url}rss-0.91.dtd\">" + Feed("x") },
        { "DOCTYPE after the root element", Feed("x") + "<!DOCTYPE rss [<!ENTITY x SYSTEM \"{url}late\">]>" },
        { "DOCTYPE inside the root element", "<rss version=\"2.0\"><!DOCTYPE rss [<!ENTITY x SYSTEM \"{url}inside\">]><channel/></rss>" },
        { "xml-stylesheet and schema location", "<?xml-stylesheet href=\"{url}style.xsl\" type=\"text/xsl\"?><rss version=\"2.0\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"x {url}schema.xsd\"><channel><title>T</title></channel></rss>" },
        { "XInclude", "<rss version=\"2.0\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><channel><title>T</title><xi:include href=\"{url}include.xml\"/></channel></rss>" },
        { "UTF-16 document with an external entity", "<?xml version=\"1.0\" encoding=\"utf-16\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"{url}utf16\">]>" + Feed("&x;") },
        { "external entity behind a byte order mark and blank lines", "\uFEFF\n\n<!DOCTYPE rss [<!ENTITY x SYSTEM \"{url}bom\">]>" + Feed("&x;") },
    };

    public static TheoryData<string, string> Bombs => new()
    {
        { "billion laughs", BillionLaughs() },
        { "quadratic blowup", QuadraticBlowup() },
        { "cyclic entities", "<!DOCTYPE rss [<!ENTITY a \"1 &b;\"><!ENTITY b \"&a;\">]>" + Feed("&a;") },
    };

    [Fact]
    public async Task RecorderSeesARealRequest()
    {
        using var probe = new LoopbackRecorder();
        using var client = new HttpClient();

        var body = await client.GetStringAsync(new Uri(probe.Url, "probe"));

        Assert.Equal("ENTITY-WAS-FETCHED", body);
        Assert.Equal(1, probe.Connections);
        Assert.Contains("GET /probe HTTP/1.1", probe.Requests);
    }

    [Theory]
    [MemberData(nameof(ExternalReferences))]
    public void ExternalReferenceIsNeverFetched(string quirk, string document)
    {
        var text = document.Replace("{url}", recorder.Url.ToString(), StringComparison.Ordinal);
        var content = quirk.StartsWith("UTF-16", StringComparison.Ordinal) ? Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray() : Encoding.UTF8.GetBytes(text);

        var error = Record.Exception(() => FeedParser.Parse(content, FeedUrl));

        Assert.Equal(0, recorder.Connections);
        Assert.True(error is null or FeedParseException, $"{quirk}: {error}");
        Assert.DoesNotContain("ENTITY-WAS-FETCHED", error?.Message ?? string.Empty, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!DOCTYPE rss [<!ENTITY x SYSTEM \"{url}x\">]>", "the document declares a DTD with an external entity (SYSTEM \"{url}x\"), which feeds never need; refused without resolving it")]
    [InlineData("<!DOCTYPE rss [<!ENTITY x \"inline\">]>", "the document declares a DTD with entities, which feeds never need; refused to avoid entity expansion")]
    [InlineData("<!DOCTYPE rss [<!ELEMENT rss ANY>]>", "the document declares a DTD, which feeds never need; refused to avoid entity expansion")]
    public void InternalSubsetIsRefusedWithAMessageThatNamesIt(string doctype, string problem)
    {
        var text = (doctype + Feed("x")).Replace("{url}", recorder.Url.ToString(), StringComparison.Ordinal);

        var error = Assert.Throws<FeedParseException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(text), FeedUrl));

        Assert.Equal($"{FeedUrl}: not a readable feed: {problem.Replace("{url}", recorder.Url.ToString(), StringComparison.Ordinal)}", error.Message);
        Assert.Equal(0, recorder.Connections);
    }

    [Fact]
    public void ExternalDtdIsIgnoredAndItsHtmlEntitiesStillRead()
    {
        var text = $"<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"{recorder.Url}rss-0.91.dtd\">" + Feed("tsch&uuml;ss &amp; &copy; 2025");

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(text), FeedUrl);

        Assert.Equal("I tschüss & © 2025", Assert.Single(feed.Items).Title);
        Assert.Equal(0, recorder.Connections);
    }

    [Theory]
    [MemberData(nameof(Bombs))]
    public void EntityBombIsRefusedQuicklyWithBoundedMemory(string quirk, string document)
    {
        var content = Encoding.UTF8.GetBytes(document);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<FeedParseException>(() => FeedParser.Parse(content, FeedUrl));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"{quirk}: {clock.Elapsed}");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < (10 * content.Length) + (4 * 1024 * 1024), $"{quirk}: allocated {GC.GetAllocatedBytesForCurrentThread() - before:N0} bytes");
        Assert.Contains("declares a DTD", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 300, error.Message);
    }

    private static string Feed(string titleText) => Channel.Replace("{0}", titleText, StringComparison.Ordinal);

    private static string BillionLaughs()
    {
        var doctype = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            doctype.Append(null, $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }

        return doctype.Append("]>").Append(Feed("&lol9;")).ToString();
    }

    private static string QuadraticBlowup()
    {
        var reference = string.Concat(Enumerable.Repeat("&a;", 20_000));
        return $"<!DOCTYPE rss [<!ENTITY a \"{new string('B', 50_000)}\">]>" + Feed(reference);
    }
}
