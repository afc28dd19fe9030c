using System.Globalization;
using NewsMonitor.Articles;

namespace NewsMonitor.Tests.Articles;

public sealed class PageTextExtractorTests
{
    private const string Story = "<p>Negotiators returned to Riyadh on Monday, hoping to agree on a partial ceasefire before the month ends.</p>";

    private static readonly Uri PageUrl = new("https://news.example/world/2025/03/24/story.html");

    private readonly PageTextExtractor extractor = new();

    public static TheoryData<string, string> Titles => new()
    {
        { $"<html><head><title>Site | Tab title</title><meta property=\"og:title\" content=\"Open Graph title\"></head><body><h1>Heading</h1>{Story}</body></html>", "Open Graph title" },
        { $"<html><head><title>Site | Tab title</title><meta name=\"og:title\" content=\"Named og:title\"></head><body>{Story}</body></html>", "Named og:title" },
        { $"<html><head><title>Tab title</title></head><body><div class=\"logo\"><h1>Site name</h1></div><article><h1>Article heading</h1>{Story}</article></body></html>", "Article heading" },
        { $"<html><head><title>Tab title</title></head><body><div class=\"logo\"><h1>Site name</h1></div><main><h1>Main heading</h1>{Story}</main></body></html>", "Main heading" },
        { $"<html><head><title>Tab title</title></head><body><h1>Only heading</h1>{Story}</body></html>", "Only heading" },
        { $"<html><head><title>  Tab \n   title  </title></head><body>{Story}</body></html>", "Tab title" },
        { $"<html><head><meta property=\"og:title\" content=\"   \"><title>Tab title</title></head><body>{Story}</body></html>", "Tab title" },
        { $"<html><body>{Story}</body></html>", "" },
    };

    public static TheoryData<string, string, string?> Canonicals => new()
    {
        { "<link rel=\"canonical\" href=\"/world/ceasefire-talks\">", PageUrl.AbsoluteUri, "https://news.example/world/ceasefire-talks" },
        { "<link rel=\"canonical\" href=\"story-amp.html\">", PageUrl.AbsoluteUri, "https://news.example/world/2025/03/24/story-amp.html" },
        { "<link rel=\"canonical\" href=\"../23/earlier.html\">", PageUrl.AbsoluteUri, "https://news.example/world/2025/03/23/earlier.html" },
        { "<link rel=\"canonical\" href=\"//cdn.example/story\">", PageUrl.AbsoluteUri, "https://cdn.example/story" },
        { "<link rel=\"canonical\" href=\"  https://other.example/story  \">", PageUrl.AbsoluteUri, "https://other.example/story" },
        { "<meta property=\"og:url\" content=\"https://og.example/story\">", PageUrl.AbsoluteUri, "https://og.example/story" },
        { "<link rel=\"canonical\" href=\"https://canonical.example/a\"><meta property=\"og:url\" content=\"https://og.example/b\">", PageUrl.AbsoluteUri, "https://canonical.example/a" },
        { "<link rel=\"canonical\" href=\"https://other.example/story\">", "", "https://other.example/story" },
        { "<link rel=\"canonical\" href=\"story-amp.html\">", "", null },
        { "<link rel=\"canonical\" href=\"/world/ceasefire-talks\">", "", null },
        { "<link rel=\"canonical\" href=\"javascript:alert(1)\">", PageUrl.AbsoluteUri, null },
        { "", PageUrl.AbsoluteUri, null },
    };

    public static TheoryData<string, string?> PublishedTimes => new()
    {
        { "<meta property=\"article:published_time\" content=\"2025-03-21T10:15:00+05:30\">", "2025-03-21T04:45:00Z" },
        { "<meta name=\"date\" content=\"2025-03-21\">", "2025-03-21T00:00:00Z" },
        { "<meta name=\"pubdate\" content=\"2025-03-21T08:00:00Z\">", "2025-03-21T08:00:00Z" },
        { "<time datetime=\"2025-03-20T23:30:00-01:00\">March 21</time>", "2025-03-21T00:30:00Z" },
        { "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"datePublished\":\"2025-03-19T06:00:00Z\"}</script>", "2025-03-19T06:00:00Z" },
        { "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\"},{\"@type\":\"NewsArticle\",\"datePublished\":\"2025-03-18T12:00:00+02:00\"}]}</script>", "2025-03-18T10:00:00Z" },
        { "<script type=\"application/ld+json\">{ not json </script><time datetime=\"not a date\">?</time>", null },
        { "<meta property=\"article:published_time\" content=\"2025-03-21T10:15:00Z\"><time datetime=\"2024-01-01T00:00:00Z\">old</time>", "2025-03-21T10:15:00Z" },
        { "", null },
    };

    [Fact]
    public void PageChromeIsDroppedAndOnlyTheStoryParagraphsRemain()
    {
        var page = extractor.Extract(TestFiles.ReadBytes("ArticleWithChrome.html"), PageUrl);

        Assert.Equal(
            "Negotiators from both sides returned to Riyadh on Monday, hoping to agree on a partial ceasefire before the end of the month.\n\n"
            + "Officials said the talks would focus on shipping in the Black Sea, energy infrastructure and the exchange of prisoners.\n\n"
            + "A further round is expected next week, according to a diplomat familiar with the schedule, who asked not to be named.",
            page.Text);
    }

    [Fact]
    public void PageMetadataIsReadFromTheHead()
    {
        var page = extractor.Extract(TestFiles.ReadBytes("ArticleWithChrome.html"), PageUrl);

        Assert.Equal("Ceasefire talks resume in Riyadh", page.Title);
        Assert.Equal(new Uri("https://news.example/world/ceasefire-talks?utm_source=rss"), page.CanonicalUrl);
        Assert.Equal(new DateTimeOffset(2025, 3, 24, 8, 30, 0, TimeSpan.Zero), page.Published);
        Assert.Equal("Jane Reporter", page.Byline);
        Assert.Equal("en-GB", page.Language);
        Assert.Equal(new ArticleText(page.Title, page.Text), page.ToArticleText());
    }

    [Theory]
    [MemberData(nameof(Titles))]
    public void TitleComesFromOpenGraphThenHeadingThenTitleElement(string html, string expected)
    {
        var page = extractor.Extract(html, PageUrl);

        Assert.Equal(expected, page.Title);
    }

    [Theory]
    [MemberData(nameof(Canonicals))]
    public void CanonicalUrlIsResolvedAgainstThePageUrl(string head, string pageUrl, string? expected)
    {
        var html = $"<html><head>{head}</head><body>{Story}</body></html>";

        var page = extractor.Extract(html, pageUrl.Length == 0 ? null : new Uri(pageUrl));

        Assert.Equal(expected, page.CanonicalUrl?.AbsoluteUri);
    }

    [Theory]
    [MemberData(nameof(PublishedTimes))]
    public void PublishedTimeComesFromMetaTimeOrJsonLd(string markup, string? expected)
    {
        var html = $"<html><head></head><body>{markup}{Story}</body></html>";

        var page = extractor.Extract(html, PageUrl);

        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), page.Published);
        Assert.Equal(TimeSpan.Zero, page.Published?.Offset ?? TimeSpan.Zero);
    }

    [Theory]
    [InlineData("<h1>Talks resume in Riyadh</h1>", "Talks resume in Riyadh")]
    [InlineData("<h1>TALKS  RESUME\n IN RIYADH</h1>", "Talks resume in Riyadh")]
    [InlineData("<p class=\"kicker\">World</p><h2>Talks resume in Riyadh</h2>", "Talks resume in Riyadh")]
    public void HeadlineIsNotRepeatedInTheBody(string heading, string title)
    {
        var html = $"<html><head><meta property=\"og:title\" content=\"{title}\"></head><body><article>{heading}{Story}</article></body></html>";

        var page = extractor.Extract(html, PageUrl);

        Assert.DoesNotContain("resume in riyadh", page.Text, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("before the month ends.", page.Text, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, bool> AfterTheStory => new()
    {
        { "ReadingListHeadingEndsTheStory", "<h3>You may also like...</h3><p>Who will make the Rock and Roll Hall of Fame in 2020? The nominees.</p>", "Hall of Fame", false },
        { "CommentsHeadingEndsTheStory", "<h2>Comments</h2><p>Great piece, thank you for writing it up so clearly and so quickly.</p>", "Great piece", false },
        { "WordPressLikeThisEndsTheStory", "<h3>Like this:</h3><p>Be the first to like this post from the team in the field, below.</p>", "first to like", false },
        { "SubscribeLineIsDropped", "<p>Subscribe to the Example channel for all of the latest videos.</p>", "Subscribe", false },
        { "FollowUsLineIsDropped", "<p>Follow Example News on Instagram, Facebook and Twitter.</p>", "Follow", false },
        { "StoryGoesOnAfterACallToAction", "<p>Subscribe to the Example channel.</p><p>Talks are due to resume in Geneva next week, officials said.</p>", "resume in Geneva", true },
        { "SentenceStartingWithCommentsStays", "<p>Comments from the minister came late on Tuesday, after the talks had stalled.</p>", "Comments from the minister", true },
        { "LongAdviceStartingWithSignUpStays", "<p>Sign up for the airline's loyalty scheme before you book, because members who hold a card are moved to the front of the queue when flights are cancelled and the next one is full.</p>", "loyalty scheme", true },
    };

    [Theory]
    [MemberData(nameof(AfterTheStory))]
    public void WhatFollowsTheStoryIsDroppedAndTheStoryKept(string name, string markup, string text, bool kept)
    {
        var html = $"<html><body><article><h1>Title</h1>{Story}{Story.Replace("Monday", "Tuesday", StringComparison.Ordinal)}{markup}</article></body></html>";

        var page = extractor.Extract(html, PageUrl);

        Assert.True(page.Text.Contains(text, StringComparison.Ordinal) == kept, $"{name}: {page.Text}");
        Assert.StartsWith("Negotiators returned to Riyadh on Monday", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void SubheadingsAndListsInsideTheArticleAreKept()
    {
        const string html = "<html><body><article><h1>Title</h1>" + Story
            + "<h2>What Moscow wants</h2><ul><li>Relief from sanctions on spare parts for airliners and on banks.</li><li>A rollback of troops.</li></ul></article></body></html>";

        var page = extractor.Extract(html, PageUrl);

        Assert.Equal(
            [
                "Negotiators returned to Riyadh on Monday, hoping to agree on a partial ceasefire before the month ends.",
                "What Moscow wants",
                "Relief from sanctions on spare parts for airliners and on banks.",
                "A rollback of troops.",
            ],
            page.Text.Split("\n\n"));
    }

    [Fact]
    public void DemoArticlePageKeepsTheStoryAndDropsTheSiteAroundIt()
    {
        var page = extractor.Extract(TestFiles.ReadBytes(TestFiles.DemoArticlePage), new Uri("http://localhost:8080/articles/trump-putin-ally.html"));

        foreach (var chrome in (string[])["Leave a Reply", "Related Articles", "Read also", "We use cookies", "Back to top", "Post Comment",
            "They say the pen is mightier", "Politics", "Opinion", "Culture", "Sport", "About us", "Privacy policy", "Global Affairs Daily"])
        {
            Assert.DoesNotContain(chrome, page.Text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(page.Text.Split("\n\n"), p => p is "World" or "Business" or "Trump" or "Putin");
    }

    [Fact]
    public void DemoArticlePageBodyHoldsTheSeedArticleFromFirstToLastParagraph()
    {
        var seed = ArticleDocument.FromPlainText(TestFiles.ReadText(TestFiles.SeedArticle)).Body.Split("\n\n");

        // The seed body opens with the headline and ends with the author box and the site's chrome.
        var first = seed[1];
        var last = seed[Array.IndexOf(seed, "naveenika") - 1];

        var page = extractor.Extract(TestFiles.ReadBytes(TestFiles.DemoArticlePage), new Uri("http://localhost:8080/articles/trump-putin-ally.html"));

        Assert.StartsWith("When it comes to Donald Trump and Vladimir Putin", first, StringComparison.Ordinal);
        Assert.StartsWith("In the present, though, Putin seems", last, StringComparison.Ordinal);
        Assert.Contains(first, page.Text, StringComparison.Ordinal);
        Assert.EndsWith(last, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void DemoArticlePageMetadataIsResolved()
    {
        var page = extractor.Extract(TestFiles.ReadBytes(TestFiles.DemoArticlePage), new Uri("http://localhost:8080/articles/trump-putin-ally.html"));

        Assert.Equal("Donald Trump, Putin’s “Ally” In Plain Sight? Is There More Than Meets The Eye?", page.Title);
        Assert.DoesNotContain("More Than Meets The Eye", page.Text, StringComparison.Ordinal);
        Assert.Equal(new Uri("http://localhost:8080/articles/trump-putin-ally.html"), page.CanonicalUrl);
        Assert.Equal(new DateTimeOffset(2025, 3, 21, 4, 45, 0, TimeSpan.Zero), page.Published);
        Assert.Equal(("naveenika", "en"), (page.Byline, page.Language));
    }
}
