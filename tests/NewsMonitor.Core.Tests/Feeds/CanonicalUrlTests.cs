using NewsMonitor.Feeds;

namespace NewsMonitor.Tests.Feeds;

public sealed class CanonicalUrlTests
{
    public static TheoryData<string, string> Urls => new()
    {
        { "https://example.com/story", "https://example.com/story" },
        { "HTTPS://Example.COM/Path/Story", "https://example.com/Path/Story" },
        { "https://example.com:443/story", "https://example.com/story" },
        { "http://example.com:80/story", "http://example.com/story" },
        { "http://example.com:8080/story", "http://example.com:8080/story" },
        { "https://example.com/story#comments", "https://example.com/story" },
        { "https://example.com/story?", "https://example.com/story" },
        { "https://example.com/story?z=1&a=2&m=3", "https://example.com/story?a=2&m=3&z=1" },
        { "https://example.com/story?b=2&a=1#top", "https://example.com/story?a=1&b=2" },
        { "https://example.com/story?utm_source=rss&utm_medium=feed&id=7", "https://example.com/story?id=7" },
        { "https://example.com/story?UTM_Campaign=spring&page=2", "https://example.com/story?page=2" },
        { "https://example.com/story?fbclid=a&gclid=b&dclid=c&msclkid=d", "https://example.com/story" },
        { "https://example.com/story?mc_cid=a&mc_eid=b&igshid=c&yclid=d&_ga=e&_gl=f", "https://example.com/story" },
        { "https://example.com/story?ref_src=a&cmpid=b&ocid=c&ito=d&at_medium=e&at_campaign=f", "https://example.com/story" },
        { "https://example.com/story?ref=home&id=7", "https://example.com/story?id=7&ref=home" },
        { "https://example.com/story?utm=kept", "https://example.com/story?utm=kept" },
        { "https://example.com/story?id=7&&", "https://example.com/story?id=7" },
        { "https://example.com/search?q=black%20sea&utm_term=x", "https://example.com/search?q=black%20sea" },
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public void UrlIsReducedToItsCanonicalForm(string url, string expected)
    {
        var canonical = CanonicalUrl.Normalize(new Uri(url));

        Assert.Equal(expected, canonical.AbsoluteUri);
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public void NormalizingTwiceChangesNothing(string url, string expected)
    {
        var once = CanonicalUrl.Normalize(new Uri(url));

        var twice = CanonicalUrl.Normalize(once);

        Assert.Equal((expected, expected), (once.AbsoluteUri, twice.AbsoluteUri));
    }
}
