using NewsMonitor.Delivery.Digests;

namespace NewsMonitor.Tests.Escaping;

/// <summary>
/// Feed titles that try to act where they are shown: markup, chat mentions, links, terminal escape sequences and bidi
/// controls. Tests take them by name, so a test runner never prints the hostile text itself.
/// </summary>
internal static class HostileFeedText
{
    public const string ArticleUrl = "https://news.example/story?id=1&part=(2)";

    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["script tag"] = "<script>alert(1)</script>",
        ["markdown link breakout"] = "news](http://evil.example/phish) [click",
        ["Slack channel mention"] = "<!channel>",
        ["Slack user mention"] = "<@U123>",
        ["plain @here"] = "@here",
        ["Slack link"] = "<http://evil.example|click>",
        ["Teams mention"] = "<at>Boss</at>",
        ["markdown image"] = "![pixel](http://evil.example/pixel.png)",
        ["markdown emphasis and code"] = "**bold** _italic_ `code` ~strike~",
        ["markdown heading"] = "# heading",
        ["markdown quote"] = "> quote",
        ["markdown ordered list"] = "1. list",
        ["markdown bullet"] = "- item",
        ["markdown indented code"] = "    code block",
        ["escaped bracket"] = "a \\](http://evil.example) b",
        ["HTML entity"] = "&lt;script&gt; and &amp;",
        ["Adaptive Card date function"] = "{{DATE(2017-02-14T06:08:39Z, SHORT)}}",
        ["clear screen"] = "\u001b[2Jscreen cleared",
        ["window title"] = "\u001b]0;owned\u0007 window renamed",
        ["bell"] = "ding\u0007",
        ["right-to-left override"] = "invoice \u202Efdp.exe",
        ["bidi isolates"] = "\u2066isolated\u2069 \u2067rtl\u2068 text",
        ["bidi marks"] = "\u200Emarks\u200F \u061Cend",
        ["C1 controls"] = "C1 \u009b31m red \u0085 next",
        ["DEL and NUL"] = "del\u007f nul\u0000",
        ["line breaks"] = "line\nbreak\rreturn\ttab",
    };

    public static TheoryData<string> Names => [.. Titles.Keys];

    /// <summary>A one-article digest whose entity, title and snippet all carry the hostile text.</summary>
    public static Digest DigestWith(string text, string url = ArticleUrl)
    {
        var from = new DateTimeOffset(2025, 3, 20, 0, 0, 0, TimeSpan.Zero);
        var snippet = $"Trump said {text}";
        var item = new DigestItem("first", text, url, "demo", from, from.AddHours(1), 0.9, snippet, 0, 5, [text]);
        return new Digest("morning", "Morning brief", from, from.AddDays(1), [new DigestSection("entity", "Entity " + text, [item])])
        {
            Health = [new FeedHealth("demo", "failing: " + text)],
        };
    }
}
