using System.Net;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Escaping;
using NewsMonitor.Tests.Escaping;

namespace NewsMonitor.Tests.Delivery.Digests;

public sealed class DigestRendererTests
{
    private static readonly DateTimeOffset From = new(2025, 3, 20, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2025, 3, 21, 6, 30, 0, TimeSpan.Zero);

    public static TheoryData<string, string> Links => new()
    {
        { "https://news.example/story?id=1", "https://news.example/story?id=1" },
        { "http://news.example/story", "http://news.example/story" },
        { "javascript:alert(document.cookie)", "#" },
        { "JavaScript:alert(1)", "#" },
        { "data:text/html,<script>alert(1)</script>", "#" },
        { "/relative/story", "#" },
        { "not a url", "#" },
    };

    [Fact]
    public void ABackfilledItemIsMarkedWithTheDayItWasFirstSeenInBothParts()
    {
        var digest = DigestOf(Item(articleId: "live"), Item(articleId: "old", title: "Old story") with { Backfilled = true });

        var html = DigestRenderer.Html(digest);
        var text = DigestRenderer.Text(digest);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "found by backfill, first seen 2025-03-20"));
        Assert.Contains("score 0.87 · found by backfill, first seen 2025-03-20\n", text, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "found by backfill"));
        Assert.True(text.IndexOf("Old story", StringComparison.Ordinal) < text.IndexOf("found by backfill", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public void ARejectedConfigurationFileIsShownInTheFooterOfBothParts()
    {
        var problem = new NewsMonitor.Configuration.ConfigurationProblem("watchlist", "config/watchlist.json", ["figures[2] (acme).alias: unknown key — did you mean \"aliases\"?"], To, From);
        var digest = DigestOf("Entity", Item()) with { ConfigurationProblems = [problem] };

        var html = DigestRenderer.Html(digest);
        var text = DigestRenderer.Text(digest);

        Assert.Contains("Configuration problems", html, StringComparison.Ordinal);
        Assert.Contains("config/watchlist.json: 1 problem(s), the version loaded at 2025-03-20 00:00:00Z stays in use until it is fixed", html, StringComparison.Ordinal);
        Assert.Contains("did you mean &quot;aliases&quot;?", html, StringComparison.Ordinal);
        Assert.Contains("Configuration problems:\n  config/watchlist.json: 1 problem(s)", text, StringComparison.Ordinal);
        Assert.Contains("\n    figures[2] (acme).alias: unknown key", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlEncodesEveryStringFromFeedsAndPages()
    {
        var digest = DigestOf("<i>Entity</i>", Item(title: "<script>alert('x')</script> & more", snippet: "He said <b>Trump</b> & left.", highlightStart: 11, highlightLength: 5));

        var html = DigestRenderer.Html(digest);

        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more", html, StringComparison.Ordinal);
        Assert.Contains("&lt;i&gt;Entity&lt;/i&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostileFeedText.Names), MemberType = typeof(HostileFeedText))]
    [Trait("Category", "Reliability")]
    public void HtmlShowsAHostileTitleAsEncodedTextWithoutControlCharacters(string name)
    {
        var text = HostileFeedText.Titles[name];

        var html = DigestRenderer.Html(HostileFeedText.DigestWith(text));

        Assert.Contains($">{WebUtility.HtmlEncode(ControlCharacters.Strip(text))}</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(html, c => ControlCharacters.IsControl(c) && c != '\n');
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<at>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<a href=\"https://news\\.example/story\\?id=1&amp;part=\\(2\\)\""));
        Assert.DoesNotContain("evil.example\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostileFeedText.Names), MemberType = typeof(HostileFeedText))]
    [Trait("Category", "Reliability")]
    public void TextShowsAHostileTitleWithoutControlCharacters(string name)
    {
        var text = HostileFeedText.Titles[name];

        var plain = DigestRenderer.Text(HostileFeedText.DigestWith(text));

        Assert.Contains($"* {ControlCharacters.Strip(text)}\n", plain, StringComparison.Ordinal);
        Assert.Contains($"== Entity {ControlCharacters.Strip(text)} ==", plain, StringComparison.Ordinal);
        Assert.DoesNotContain(plain, c => ControlCharacters.IsControl(c) && c != '\n');
    }

    [Fact]
    public void HtmlHighlightsTheMentionInsideTheSnippet()
    {
        var digest = DigestOf(Item(snippet: "Yesterday Trump & Putin spoke.", highlightStart: 10, highlightLength: 5));

        var html = DigestRenderer.Html(digest);

        Assert.Contains("Yesterday <strong style=\"background:#fff3b0\">Trump</strong> &amp; Putin spoke.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(0, 0)]
    [InlineData(20, 50)]
    public void HighlightOutsideTheSnippetIsLeftOut(int start, int length)
    {
        var digest = DigestOf(Item(snippet: "Yesterday Trump spoke.", highlightStart: start, highlightLength: length));

        var html = DigestRenderer.Html(digest);

        Assert.DoesNotContain("<strong", html, StringComparison.Ordinal);
        Assert.Contains("Yesterday Trump spoke.", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Links))]
    public void OnlyHttpLinksAreRendered(string url, string expected)
    {
        var digest = DigestOf(Item(url: url));

        var html = DigestRenderer.Html(digest);
        var text = DigestRenderer.Text(digest);

        Assert.Contains($"<a href=\"{System.Net.WebUtility.HtmlEncode(expected)}\"", html, StringComparison.Ordinal);
        Assert.Contains($"\n  {expected}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TextPartListsTitleUrlMetaSnippetAndOtherEntities()
    {
        var digest = DigestOf("Donald Trump", Item(title: "Trump calls Putin", others: ["Vladimir Putin", "NATO"]));

        var text = DigestRenderer.Text(digest);

        Assert.Equal(
            "Morning brief\n"
            + "1 article, 2025-03-20 00:00 to 2025-03-21 06:30 UTC\n\n"
            + "== Donald Trump ==\n\n"
            + "* Trump calls Putin\n"
            + "  https://news.example/story?id=1\n"
            + "  demo · 2025-03-20 21:15 UTC · score 0.87\n"
            + "  \"Yesterday Trump spoke.\"\n"
            + "  Also mentions: Vladimir Putin, NATO\n\n",
            text);
    }

    [Fact]
    public void HtmlListsOtherEntitiesAndCountsArticles()
    {
        var digest = DigestOf(Item(others: ["Vladimir Putin"]), Item(articleId: "second"));

        var html = DigestRenderer.Html(digest);

        Assert.Contains("2 articles, 2025-03-20 00:00 to 2025-03-21 06:30 UTC", html, StringComparison.Ordinal);
        Assert.Contains("Also mentions: Vladimir Putin", html, StringComparison.Ordinal);
        Assert.Contains("<title>Morning brief — NewsMonitor digest</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingPublishedDateSaysSo()
    {
        var digest = DigestOf(Item(dated: false));

        var text = DigestRenderer.Text(digest);

        Assert.Contains("  demo · date unknown · score 0.87\n", text, StringComparison.Ordinal);
    }

    private static Digest DigestOf(params DigestItem[] items) => DigestOf("Donald Trump", items);

    private static Digest DigestOf(string entityName, params DigestItem[] items)
        => new("morning", "Morning brief", From, To, [new DigestSection("entity", entityName, items)]);

    private static DigestItem Item(
        string articleId = "first",
        string title = "Trump spoke",
        string url = "https://news.example/story?id=1",
        string snippet = "Yesterday Trump spoke.",
        int highlightStart = 10,
        int highlightLength = 5,
        string[]? others = null,
        bool dated = true)
        => new(
            articleId,
            title,
            url,
            "demo",
            dated ? new DateTimeOffset(2025, 3, 20, 22, 15, 0, TimeSpan.FromHours(1)) : null,
            From.AddHours(23),
            0.873,
            snippet,
            highlightStart,
            highlightLength,
            others ?? []);
}
