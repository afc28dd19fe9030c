using NewsMonitor.Escaping;

namespace NewsMonitor.Tests.Escaping;

[Trait("Category", "Reliability")]
public sealed class UrlCredentialsTests
{
    public static TheoryData<string, string, string> MaskedUrls => new()
    {
        { "a URL without credentials is left alone", "https://news.example/feed.xml?page=2#top", "https://news.example/feed.xml?page=2#top" },
        { "the password of user:password@ is masked, the user kept", "https://alice:s3cret@news.example/feed", "https://alice:***@news.example/feed" },
        { "a lone user name is a token and is masked", "https://ghp_abc123@news.example/feed", "https://***@news.example/feed" },
        { "an @ in the path is not user info", "https://news.example/@alice/feed", "https://news.example/@alice/feed" },
        { "a port after the credentials stays", "http://u:pw@127.0.0.1:8080/rss", "http://u:***@127.0.0.1:8080/rss" },
        { "token= is masked, other parameters kept", "https://news.example/feed?token=abc&page=2", "https://news.example/feed?token=***&page=2" },
        { "sig= of a SAS URL is masked, its expiry kept", "https://acct.blob.core.windows.net/c/b?sv=2024-01-01&se=2026-01-01&sig=abc%2Bdef", "https://acct.blob.core.windows.net/c/b?sv=2024-01-01&se=2026-01-01&sig=***" },
        { "key= and code= (Functions keys) are masked", "https://app.azurewebsites.net/api/x?code=k1&key=k2", "https://app.azurewebsites.net/api/x?code=***&key=***" },
        { "parameter names are matched in any case", "https://news.example/feed?Token=abc&API_KEY=def", "https://news.example/feed?Token=***&API_KEY=***" },
        { "names ending in token or key are secrets", "https://news.example/feed?access_token=a&subscription-key=b&monkey=c", "https://news.example/feed?access_token=***&subscription-key=***&monkey=c" },
        { "an empty secret value stays empty", "https://news.example/feed?token=&page=1", "https://news.example/feed?token=&page=1" },
        { "the fragment after a secret stays", "https://news.example/feed?sig=abc#part", "https://news.example/feed?sig=***#part" },
        { "a non-http scheme is masked too", "ftp://bob:hunter2@files.example/feed.xml", "ftp://bob:***@files.example/feed.xml" },
    };

    public static TheoryData<string, string, string> MaskedTexts => new()
    {
        { "text without a URL is left alone", "feeds[0].url: \"not a url\" is not an absolute http(s) URL", "feeds[0].url: \"not a url\" is not an absolute http(s) URL" },
        { "a quoted URL in an error", "feeds[0] (a).url: \"ftp://u:pw@a.example/feed\" is not an absolute http(s) URL", "feeds[0] (a).url: \"ftp://u:***@a.example/feed\" is not an absolute http(s) URL" },
        { "a URL ending a sentence keeps its full stop", "Could not fetch https://u:pw@a.example/rss?token=t1.", "Could not fetch https://u:***@a.example/rss?token=***." },
        { "a URL in parentheses keeps its parenthesis", "Feed demo (https://a.example/rss?key=k) failed", "Feed demo (https://a.example/rss?key=***) failed" },
        { "every URL in the text is masked", "https://a:1@x.example/ then http://b:2@y.example/", "https://a:***@x.example/ then http://b:***@y.example/" },
        { "an @ inside the password: the last @ before the path ends the user info", "https://alice:p@ss@news.example/feed", "https://alice:***@news.example/feed" },
        { "a poison listing's url= field", "feedId=demo url=https://u:pw@a.example/rss", "feedId=demo url=https://u:***@a.example/rss" },
    };

    [Theory]
    [MemberData(nameof(MaskedUrls))]
    public void AUrlIsShownWithItsCredentialsMasked(string why, string url, string expected)
    {
        var masked = UrlCredentials.Masked(new Uri(url));

        Assert.True(expected == masked, $"{why}: got {masked}");
    }

    [Theory]
    [MemberData(nameof(MaskedTexts))]
    public void EveryUrlInATextIsShownWithItsCredentialsMasked(string why, string text, string expected)
    {
        var masked = UrlCredentials.MaskedIn(text);

        Assert.True(expected == masked, $"{why}: got {masked}");
    }

    [Fact]
    public void AUrlInALogMessageIsWrittenMasked()
    {
        var url = new MaskedUrl(new Uri("https://reader:s3cret@news.example/feed?token=t"));

        var line = $"Feed demo ({url}) failed";

        Assert.Equal("Feed demo (https://reader:***@news.example/feed?token=***) failed", line);
    }
}
