using System.Text;
using System.Text.Json.Nodes;
using NewsMonitor.Configuration.Opml;
using NewsMonitor.Feeds;

namespace NewsMonitor.Tests.Configuration.Opml;

/// <summary><see cref="FeedImport"/> on subscription lists in the shapes four feed readers export, and on entries that cannot be feeds.</summary>
public sealed class FeedImportTests
{
    public static TheoryData<string, string[], string[], string[]> Exports => new()
    {
        {
            "MinifluxExport.opml",
            [
                "hacker-news | All | https://news.ycombinator.com/rss",
                "bbc-news-world | World news | https://feeds.bbci.co.uk/news/world/rss.xml",
                "le-monde-fr-actualites-et-infos-en-france-et-dans-le-monde | World news | https://www.lemonde.fr/rss/une.xml",
            ],
            [],
            []
        },
        {
            "FreshRssExport.opml",
            [
                "freshrss-releases | Uncategorized | https://github.com/FreshRSS/FreshRSS/releases.atom",
                "reuters-ap-politics | Politics | https://www.example-wire.com/politics/rss?format=xml&region=eu",
            ],
            [],
            ["line 13: Parliament agenda: type \"HTML+XPath\" is not a feed (rss or atom); only feeds can be followed"]
        },
        {
            "FeedlyExport.opml",
            [
                "krebs-on-security | Security | https://krebsonsecurity.com/feed/",
                "schneier-on-security | Security | https://www.schneier.com/feed/atom/",
                "the-verge-all-posts | Must Read | http://www.theverge.com/rss/full.xml",
            ],
            ["line 13: Krebs on Security: already at line 9"],
            []
        },
        {
            "InoreaderExport.opml",
            [
                "der-spiegel-schlagzeilen | Europe/Spiegel | https://www.spiegel.de/schlagzeilen/index.rss",
                "xinhuanet-com |  | http://www.xinhuanet.com/politics/news_politics.xml",
                "google-news-ukraine |  | https://news.google.com/rss/search?q=ukraine&hl=en-US&gl=US&ceid=US:en",
            ],
            [],
            []
        },
        {
            "OpmlRefusedEntries.opml",
            ["fine |  | https://d.example/rss"],
            [],
            [
                "line 5: Feed scheme: xmlUrl \"feed://a.example/rss\" is not an absolute http(s) URL",
                "line 6: Script: xmlUrl \"javascript:alert(1)\" is not an absolute http(s) URL",
                "line 7: Local file: xmlUrl \"file:///etc/passwd\" is not an absolute http(s) URL",
                "line 8: Relative: xmlUrl \"/rss.xml\" is not an absolute http(s) URL",
                "line 9: No address: has no xmlUrl",
                "line 10: Bad language: language \"english language\" is not a language tag such as en, de or pt-BR",
                "line 11: A web page: type \"link\" is not a feed (rss or atom); only feeds can be followed",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public void AnExportIsImportedWithItsFoldersAsCategories(string file, string[] added, string[] skipped, string[] invalid)
    {
        using var opml = File.OpenRead(TestFiles.PathOf(Path.Combine("Opml", file)));

        var report = FeedImport.Merge(null, "feeds.json", opml, file);

        Assert.Equal(added, report.Added.Select(f => $"{f.Id} | {f.Category} | {f.Url.AbsoluteUri}"));
        Assert.Equal(skipped, report.Skipped.Select(s => s.ToString()));
        Assert.Equal(invalid, report.Invalid.Select(s => s.ToString()));
        Assert.Equal(added.Length, FeedListLoader.Parse(report.FeedsJson, "feeds.json").Count);
    }

    [Fact]
    public void ImportKeepsTheExistingEntriesAndSkipsTheirUrls()
    {
        const string existing = """
            {
              // Hand-edited.
              "feeds": [
                { "id": "krebs", "name": "Krebs", "url": "https://KrebsOnSecurity.com/feed/", "category": "Mine", "enabled": false },
                { "id": "schneier-on-security", "url": "https://schneier.example/other-feed" },
              ]
            }
            """;
        using var opml = File.OpenRead(TestFiles.PathOf(Path.Combine("Opml", "FeedlyExport.opml")));

        var report = FeedImport.Merge(existing, "/data/feeds.json", opml, "feedly.opml");

        Assert.Equal(["schneier-on-security-2", "the-verge-all-posts"], report.Added.Select(f => f.Id));
        Assert.Equal(["line 9: Krebs on Security: already in feeds.json as \"krebs\"", "line 13: Krebs on Security: already in feeds.json as \"krebs\""], report.Skipped.Select(s => s.ToString()));
        var entries = JsonNode.Parse(report.FeedsJson)!["feeds"]!.AsArray();
        Assert.Equal("""{"id":"krebs","name":"Krebs","url":"https://KrebsOnSecurity.com/feed/","category":"Mine","enabled":false}""", entries[0]!.ToJsonString());
        Assert.Equal(4, entries.Count);
        Assert.Equal("2 added, 2 skipped (already present), 0 invalid", report.Summary);
    }

    [Fact]
    public void AnExportImportsBackAsTheSameFeedList()
    {
        IReadOnlyList<FeedSource> feeds =
        [
            new("bbc-world", "BBC World", new Uri("https://feeds.bbci.co.uk/news/world/rss.xml")) { HtmlUrl = new Uri("https://www.bbc.co.uk/news/world"), Category = "News/World", Tags = ["uk", "public"], Language = "en-GB" },
            new("ap", "AP & Co <top>", new Uri("https://ap.example/rss?a=1&b=2")) { Category = "News", PollInterval = TimeSpan.FromMinutes(30) },
            new("muted", "Muted", new Uri("http://muted.example/feed")) { Enabled = false },
        ];
        var written = new StringWriter();
        OpmlWriter.Write(feeds, written, new DateTimeOffset(2026, 11, 24, 15, 49, 0, TimeSpan.Zero));

        var report = FeedImport.Merge(null, "feeds.json", new MemoryStream(Encoding.UTF8.GetBytes(written.ToString())), "export.opml");

        Assert.Empty(report.Invalid);
        Assert.Equal(feeds.Select(Describe).OrderBy(d => d), FeedListLoader.Parse(report.FeedsJson, "feeds.json").Select(Describe).OrderBy(d => d));
    }

    [Theory]
    [InlineData("BBC News – World", "bbc-news-world")]
    [InlineData("Le Monde: À la une", "le-monde-a-la-une")]
    [InlineData("  --Spaces and dashes--  ", "spaces-and-dashes")]
    [InlineData("新华网", "")]
    public void AnIdIsMadeFromTheTitle(string title, string id) => Assert.Equal(id, FeedIds.Slug(title));

    [Fact]
    public void AnIdStaysWithinTheIdRuleWhenMadeUnique()
    {
        var title = new string('a', 80);
        var taken = new HashSet<string> { new string('a', 64) };

        var id = FeedIds.Make(title, new Uri("https://a.example/"), taken);

        Assert.Equal(new string('a', 62) + "-2", id);
        Assert.True(NewsMonitor.Configuration.IdRule.IsValid(id));
    }

    private static string Describe(FeedSource f)
        => $"{f.Id} {f.Name} {f.Url} {f.HtmlUrl} {f.Category} [{string.Join(',', f.Tags)}] {f.Language} {f.PollInterval} {f.Enabled}";
}
