using NewsMonitor.Articles;

namespace NewsMonitor.Tests.Articles;

public sealed class HtmlTextTests
{
    public static TheoryData<string, string> Fragments => new()
    {
        { "plain  text\n with   spaces ", "plain text with spaces" },
        { "<p>One</p><p>Two</p>", "One\n\nTwo" },
        { "Line one<br>Line two", "Line one\n\nLine two" },
        { "<div>Block</div>inline after", "Block\n\ninline after" },
        { "<ul><li>First</li><li>Second</li></ul>", "First\n\nSecond" },
        { "<h2>Heading</h2><blockquote>Quote</blockquote>", "Heading\n\nQuote" },
        { "<b>Bold</b> and <i>italic</i> and <a href=\"/x\">a link</a>", "Bold and italic and a link" },
        { "<p>Fish &amp; chips &lt;3</p>", "Fish & chips <3" },
        { "Tom&nbsp;Jones &mdash; live", "Tom Jones — live" },
        { "<p>Before<script>alert('x')</script> after</p>", "Before after" },
        { "<style>p { color: red }</style><p>Styled</p>", "Styled" },
        { "<iframe src=\"https://ads.example\"></iframe><noscript>Enable JS</noscript>Text", "Text" },
        { "<p>Split\nacross\nlines</p>", "Split across lines" },
        { "<p>  </p><p>Kept</p><p></p>", "Kept" },
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(Fragments))]
    public void FeedHtmlBecomesPlainParagraphs(string html, string expected)
    {
        var text = HtmlText.ToPlainText(html);

        Assert.Equal(expected, text);
    }
}
