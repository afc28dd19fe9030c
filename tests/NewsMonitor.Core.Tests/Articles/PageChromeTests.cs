using NewsMonitor.Articles;

namespace NewsMonitor.Tests.Articles;

/// <summary>
/// What the extractor keeps and drops around a story, one row per page shape met on real sites: the row's page body
/// and the paragraphs its text must be.
/// </summary>
public sealed class PageChromeTests
{
    private const string First = "Negotiators returned to Riyadh on Monday, hoping to agree on a partial ceasefire before the month ends.";
    private const string Second = "Officials said the talks would focus on shipping in the Black Sea, energy infrastructure and prisoners.";
    private const string Third = "A further round is expected next week, according to a diplomat familiar with the schedule, who declined to be named.";
    private const string Story = $"<p>{First}</p><p>{Second}</p><p>{Third}</p>";

    private const string LongNotice = "We and our partners store and access information on your device, such as cookies, and process personal data, "
        + "such as unique identifiers, browsing data and standard information sent by a device, for personalised advertising, "
        + "content, measurement, audience research and services development, as described in our privacy policy.";

    private static readonly string[] StoryParagraphs = [First, Second, Third];

    private readonly PageTextExtractor extractor = new();

    public static TheoryData<string, string, string[]> Pages => new()
    {
        {
            "WrapperNamedForItsSidebarKeepsTheStory",
            $"<div class=\"page and-w-sidebar\"><div class=\"story\">{Story}</div><div class=\"sidebar\"><p>Most read: a teaser for another story that is long enough to read as prose.</p></div></div>",
            StoryParagraphs
        },
        {
            "FormAroundTheWholePageKeepsTheStory",
            $"<form id=\"aspnetForm\" action=\"/default.aspx\"><nav><a href=\"/\">Home</a></nav><div class=\"main\">{Story}</div></form>",
            StoryParagraphs
        },
        {
            "ArticleWithTagClassesIsNotChrome",
            $"<article class=\"post type-post tag-review tag-books\">{Story}</article><div id=\"comments\"><p>What a great read, thank you for writing this, I learned a lot today.</p></div>",
            StoryParagraphs
        },
        {
            "CookieNoticeWithMoreProseThanTheStoryIsDropped",
            $"<div class=\"cookie-notice\"><p>{LongNotice}</p><p>{LongNotice}</p></div><div class=\"entry-content\">{Story}</div>",
            StoryParagraphs
        },
        {
            "DialogWithMoreProseThanTheStoryIsDropped",
            $"<div role=\"dialog\"><p>{LongNotice}</p><p>{LongNotice}</p></div><div class=\"wrap\"><div class=\"widget\">{Story}</div></div>",
            StoryParagraphs
        },
        {
            "LongCommentThreadIsNotTheStory",
            $"<div class=\"entry-content\">{Story}</div><ol class=\"comment-list\"><li><p>{LongNotice}</p></li><li><p>{LongNotice}</p></li><li><p>{LongNotice}</p></li></ol>",
            StoryParagraphs
        },
        {
            "AuthorBoxNamedByItsHeadWordIsDropped",
            $"<div class=\"entry-content\">{Story}<div class=\"post-author\"><p>Jane Reporter covers diplomacy, energy and shipping for the paper, from London.</p></div></div>",
            StoryParagraphs
        },
        {
            "FooterContentIsTheFooters",
            $"<main>{Story}</main><div class=\"footer-content\"><p>Copyright 2025 Global Affairs Daily, all rights reserved, no part may be reproduced.</p></div>",
            StoryParagraphs
        },
        {
            "ArticleSplitAroundAnAdSlotIsJoined",
            $"<div class=\"wrap\"><div class=\"article-body\"><p>{First}</p><p>{Second}</p></div><div class=\"ad-slot\"><script>show()</script></div><div class=\"article-body\"><p>{Third}</p></div></div>",
            StoryParagraphs
        },
        {
            "TeaserGridBesideTheStoryIsDropped",
            $"<div class=\"columns\"><div class=\"text\">{Story}</div><div class=\"grid\">{Teaser("Markets rally as talks resume")}{Teaser("Oil slips on ceasefire hopes")}{Teaser("Shipping insurers cut rates")}</div></div>",
            StoryParagraphs
        },
        {
            "LinkedLinesStayWhenTheyAreSentencesOrAddresses",
            $"<div class=\"text\">{Story}<p><a href=\"/more\">READ MORE: Ceasefire talks stall over prisoner lists</a></p>"
                + "<p><a href=\"/x\">The talks had been shelved in 2023 but were reopened this year after the election.</a></p>"
                + "<p>Source: <a href=\"https://www.example.org/report\">www.example.org/report</a></p></div>",
            [First, Second, Third, "The talks had been shelved in 2023 but were reopened this year after the election.", "Source: www.example.org/report"]
        },
        {
            "AdLabelLeftBehindByItsScriptIsDropped",
            $"<div class=\"text\"><p>{First}</p><div><span>Advertisement</span><script>ads.push({{}})</script></div><p>{Second}</p><p>{Third}</p></div>",
            StoryParagraphs
        },
        {
            "CaptionsAndHiddenBlocksAreDropped",
            $"<div class=\"text\"><p>{First}</p><figure><img src=\"a.jpg\"><figcaption>Delegates arrive at the palace in Riyadh on Monday morning. Photo: Agency</figcaption></figure>"
                + $"<p>{Second}</p><div style=\"display: none\"><p>Thank you for subscribing to our newsletter, check your inbox.</p></div><p>{Third}</p></div>",
            StoryParagraphs
        },
        {
            "LineBreaksSeparateParagraphsInADiv",
            $"<div class=\"post\">{First}<br><br>{Second}<br>{Third}</div>",
            StoryParagraphs
        },
        {
            "RulesDrawnWithCharactersAreDropped",
            $"<div class=\"text\">{Story}<p>______________________________</p></div>",
            StoryParagraphs
        },
        {
            "HeadingThatIsTheTitleWithoutTheSiteNameIsTheHeadline",
            $"<div class=\"text\"><h2>Talks resume in Riyadh</h2>{Story}</div>",
            StoryParagraphs
        },
        {
            "HeadingWithItsOwnAnchorStays",
            $"<div class=\"text\"><p>{First}</p><h2 id=\"background\"><a class=\"header\" href=\"#background\">Background</a></h2><p>{Second}</p><p>{Third}</p></div>",
            [First, "Background", Second, Third]
        },
        {
            "SkipLinkIsALink",
            $"<div class=\"text\"><p>{First}</p><p><a href=\"#after-ad\">Continue reading the main story</a></p><p>{Second}</p><p>{Third}</p></div>",
            StoryParagraphs
        },
        {
            "H1AboveTheStoryIsTheHeadlineWhateverTheTitleSays",
            $"<div class=\"text\"><h1>Riyadh talks: what we know</h1>{Story}</div>",
            StoryParagraphs
        },
        {
            "H1FurtherDownHeadsASection",
            $"<div class=\"text\"><h1>Talks resume in Riyadh</h1><p>{First}</p><h1>What comes next</h1><p>{Second}</p><p>{Third}</p></div>",
            [First, "What comes next", Second, Third]
        },
        {
            "BoldHeadlineAboveTheStoryInATableLayout",
            $"<table><tr><td><a href=\"/\">Home</a><br><a href=\"/news\">News</a></td><td><b>Talks resume in Riyadh</b><br><br>{First}<br><br>{Second}<br><br>{Third}</td></tr></table>",
            StoryParagraphs
        },
        {
            "HeadingThatOnlyStartsLikeTheTitleStays",
            $"<div class=\"text\"><h2>Talks resume</h2>{Story}</div>",
            ["Talks resume", First, Second, Third]
        },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void OnlyTheStoryParagraphsRemain(string name, string body, string[] expected)
    {
        var html = $"<html><head><title>Talks resume in Riyadh | Global Affairs Daily</title></head><body>{body}</body></html>";

        var page = extractor.Extract(html);

        Assert.True(expected.SequenceEqual(page.Text.Split("\n\n")), $"{name}:\n{page.Text}");
    }

    [Fact]
    public void StoryInAContainerNamedLikeChromeIsFoundByTheRelaxedPass()
    {
        // The related stories outweigh the story, so its oddly named container is not protected as a wrapper: the
        // strict pass removes both, and the relaxed pass, reading no names, finds the story by its paragraphs.
        var related = string.Concat(Enumerable.Range(1, 4).Select(i => Teaser($"Related story {i}")));
        var html = $"<html><body><div class=\"share-wrapper\">{Story}</div><div class=\"related\">{related}</div></body></html>";

        var page = extractor.Extract(html);

        Assert.Equal(StoryParagraphs, page.Text.Split("\n\n"));
    }

    [Fact]
    public void ArticleBodyFromJsonLdWhenTheMarkupHoldsOnlyATeaser()
    {
        var json = $"{{\"@type\":\"NewsArticle\",\"headline\":\"Talks resume\",\"articleBody\":\"<p>{First}</p><p>{Second}</p><p>{Third}</p>\"}}";
        var html = $"<html><head><script type=\"application/ld+json\">{json}</script></head><body><div class=\"paywall\"><p>{First}</p><p>Subscribe to read more.</p></div></body></html>";

        var page = extractor.Extract(html);

        Assert.Equal(StoryParagraphs, page.Text.Split("\n\n"));
    }

    private static string Teaser(string headline)
        => $"<div class=\"card\"><a href=\"/story\">{headline}</a><p>A short summary of another story on this site, with a comma.</p></div>";
}
