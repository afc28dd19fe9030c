using NewsMonitor.Feeds;

namespace NewsMonitor.Tests.Feeds;

public sealed class ArticleIdTests
{
    public static TheoryData<string, string> SameStory => new()
    {
        { "https://example.com/story", "https://example.com/story?utm_source=rss&utm_medium=feed" },
        { "https://example.com/story?id=7", "https://Example.com:443/story?fbclid=abc&id=7#comments" },
        { "https://example.com/story?a=1&b=2", "https://example.com/story?b=2&gclid=x&a=1" },
    };

    public static TheoryData<string, string> DifferentStories => new()
    {
        { "https://example.com/story", "https://example.com/other-story" },
        { "https://example.com/story?id=7", "https://example.com/story?id=8" },
        { "https://example.com/story", "http://example.com/story" },
        { "https://example.com/Story", "https://example.com/story" },
    };

    public static TheoryData<string?, bool> Candidates => new()
    {
        { "ab116c15d8ac8b5285e0a8c70be0bf03", true },
        { "00000000000000000000000000000000", true },
        { null, false },
        { "", false },
        { "ab116c15d8ac8b5285e0a8c70be0bf0", false },
        { "ab116c15d8ac8b5285e0a8c70be0bf033", false },
        { "AB116C15D8AC8B5285E0A8C70BE0BF03", false },
        { "gb116c15d8ac8b5285e0a8c70be0bf03", false },
        { "../../../../../../../etc/passwd00", false },
    };

    [Fact]
    public void IdIsTheFirstSixteenBytesOfTheUrlHashInLowerHex()
    {
        // printf 'https://example.com/story' | sha256sum | cut -c1-32
        var id = ArticleId.FromCanonicalUrl(new Uri("https://example.com/story"));

        Assert.Equal("ab116c15d8ac8b5285e0a8c70be0bf03", id);
    }

    [Theory]
    [MemberData(nameof(SameStory))]
    public void UrlsDifferingOnlyInTrackingAndOrderShareAnId(string first, string second)
    {
        var a = ArticleId.FromCanonicalUrl(CanonicalUrl.Normalize(new Uri(first)));

        var b = ArticleId.FromCanonicalUrl(CanonicalUrl.Normalize(new Uri(second)));

        Assert.Equal(a, b);
        Assert.True(ArticleId.IsValid(a));
    }

    [Theory]
    [MemberData(nameof(DifferentStories))]
    public void DifferentStoriesGetDifferentIds(string first, string second)
    {
        var a = ArticleId.FromCanonicalUrl(CanonicalUrl.Normalize(new Uri(first)));

        var b = ArticleId.FromCanonicalUrl(CanonicalUrl.Normalize(new Uri(second)));

        Assert.NotEqual(a, b);
    }

    [Theory]
    [MemberData(nameof(Candidates))]
    public void OnlyThirtyTwoLowerHexDigitsAreAValidId(string? candidate, bool expected)
    {
        var valid = ArticleId.IsValid(candidate);

        Assert.Equal(expected, valid);
    }
}
