using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using CodeHollow.FeedReader;
using NewsMonitor.Delivery.Syndication;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// The Atom feeds through <c>monitor serve</c> over real HTTP against Azurite, with URLs printed by
/// <c>monitor feed-url</c>: read by python3-feedparser (fetching as a reader does) and by CodeHollow.FeedReader, and
/// opened only by the token of the current key.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class FeedRoutesTests(LocalEnvironment environment) : IAsyncLifetime
{
    private const string Key = "integration-feed-key-of-more-than-32-characters";
    private const string Desk = "russia-ukraine-desk";
    private static readonly XNamespace Atom = AtomWriter.Namespace;

    private readonly TestDeployment deployment = environment.NewDeployment();
    private ServeHost serve = null!;

    public async Task InitializeAsync()
    {
        deployment.Settings["Monitor:FeedKey"] = Key;
        Assert.Equal(0, (await deployment.RunCliAsync("run", "--once")).ExitCode);
        serve = await ServeHost.StartAsync(deployment);
    }

    public async Task DisposeAsync() => await serve.DisposeAsync();

    [Fact]
    public async Task ASubscriptionFeedIsAtomThatFeedparserAndCodeHollowBothRead()
    {
        var url = await FeedUrlAsync("--subscription", Desk);

        using var parsed = await PythonFeedParser.ParseAsync(url);
        using var response = await serve.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        var codeHollow = FeedReader.ReadFromString(body);

        var feed = parsed.RootElement;
        var entries = feed.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.True(!feed.GetProperty("bozo").GetBoolean(), feed.GetProperty("bozoException").GetString());
        Assert.Equal(("atom10", 200), (feed.GetProperty("version").GetString(), feed.GetProperty("status").GetInt32()));
        Assert.Equal("Russia–Ukraine desk", feed.GetProperty("title").GetString());
        Assert.Equal(AtomIds.ForFeed(FeedAddress.ForSubscription(Desk)), feed.GetProperty("id").GetString());
        Assert.NotEmpty(entries);
        Assert.Equal(codeHollow.Items.Select(i => i.Id), entries.Select(e => e.GetProperty("id").GetString()));
        Assert.Contains(entries, e => e.GetProperty("tags").EnumerateArray().Any(t => t.GetString() == "vladimir-putin"));
        Assert.All(entries, e =>
        {
            Assert.Equal("Demo", e.GetProperty("author").GetString());
            Assert.StartsWith("http", e.GetProperty("link").GetString(), StringComparison.Ordinal);
            Assert.Equal("text/html", e.GetProperty("contentType").GetString());
        });
        Assert.Contains(entries, e => e.GetProperty("content").GetString()!.Contains("<strong>", StringComparison.Ordinal));
        Assert.Equal(entries.Select(e => e.GetProperty("updated").GetString()).OrderDescending(StringComparer.Ordinal), entries.Select(e => e.GetProperty("updated").GetString()));
    }

    [Fact]
    public async Task AReaderPollingWithTheETagItGotIsAnswered304()
    {
        var url = await FeedUrlAsync("--subscription", Desk);

        using var first = await PythonFeedParser.ParseAsync(url);
        using var again = await PythonFeedParser.ParseAsync(url, first.RootElement.GetProperty("etag").GetString(), first.RootElement.GetProperty("modified").GetString());

        Assert.Equal(200, first.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(304, again.RootElement.GetProperty("status").GetInt32());
        Assert.Empty(again.RootElement.GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task ADismissedMatchLeavesTheFeedAndTheOldETagNoLongerMatches()
    {
        var url = await FeedUrlAsync("--subscription", Desk);
        var id = environment.ArticleIdOf("trump-putin-ally");
        using var before = await serve.Client.GetAsync(url);
        var etag = before.Headers.ETag!;
        using var dismiss = new HttpRequestMessage(HttpMethod.Put, $"api/matches/{id}/review") { Content = new StringContent("""{"state":"dismissed"}""", System.Text.Encoding.UTF8, "application/json") };
        dismiss.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var dismissed = await serve.Client.SendAsync(dismiss);
        using var poll = new HttpRequestMessage(HttpMethod.Get, url);
        poll.Headers.IfNoneMatch.Add(etag);
        using var after = await serve.Client.SendAsync(poll);

        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        Assert.Contains(AtomIds.ForArticle(id), await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.DoesNotContain(AtomIds.ForArticle(id), await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static TheoryData<string, Func<Uri, string>> WrongAddresses => new()
    {
        { "no token", url => url.GetLeftPart(UriPartial.Path) },
        { "an empty token", url => url.GetLeftPart(UriPartial.Path) + "?token=" },
        { "a changed token", url => url.AbsoluteUri[..^1] + (url.AbsoluteUri[^1] == 'A' ? "B" : "A") },
        { "another subscription's token", url => url.AbsoluteUri.Replace(Desk, "world-briefing", StringComparison.Ordinal) },
        { "a subscription that does not exist", url => url.AbsoluteUri.Replace(Desk, "no-such-desk", StringComparison.Ordinal) },
    };

    [Theory]
    [MemberData(nameof(WrongAddresses))]
    [Trait("Category", "Reliability")]
    public async Task AWrongOrMissingTokenGetsTheSame404AsAnUnknownSubscription(string why, Func<Uri, string> wrong)
    {
        var url = await FeedUrlAsync("--subscription", Desk);

        using var response = await serve.Client.GetAsync(wrong(url));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{why}: {(int)response.StatusCode} {body}");
        Assert.Contains("token is missing or wrong, or the feed is gone", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Desk, body, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task ANewKeyRevokesEveryOldFeedUrl()
    {
        var old = await FeedUrlAsync("--subscription", Desk);
        var oldSearch = await FeedUrlAsync("--matches", "entity=vladimir-putin");
        await serve.DisposeAsync();
        deployment.Settings["Monitor:FeedKey"] = "a-rotated-feed-key-of-more-than-32-characters";
        serve = await ServeHost.StartAsync(deployment);

        using var oldFeed = await serve.Client.GetAsync(old.PathAndQuery.TrimStart('/'));
        using var oldSearchFeed = await serve.Client.GetAsync(oldSearch.PathAndQuery.TrimStart('/'));
        using var renewed = await serve.Client.GetAsync(await FeedUrlAsync("--subscription", Desk));

        Assert.Equal(HttpStatusCode.NotFound, oldFeed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, oldSearchFeed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
    }

    [Fact]
    public async Task ASavedSearchIsAFeedOfWhatTheMatchesApiLists()
    {
        var url = await FeedUrlAsync("--matches", "from=7d&entity=vladimir-putin");

        using var parsed = await PythonFeedParser.ParseAsync(url);
        using var listing = JsonDocument.Parse(await serve.Client.GetStringAsync("api/matches?entity=vladimir-putin&from=7d"));

        Assert.False(parsed.RootElement.GetProperty("bozo").GetBoolean());
        Assert.Equal(
            listing.RootElement.GetProperty("items").EnumerateArray().Select(i => AtomIds.ForArticle(i.GetProperty("articleId").GetString()!)),
            parsed.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal("NewsMonitor matches: entity=vladimir-putin, from=7d", parsed.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ASavedSearchsTokenSignsItsParameters()
    {
        var url = await FeedUrlAsync("--matches", "entity=vladimir-putin&minScore=0.5");

        using var reordered = await serve.Client.GetAsync(url.AbsoluteUri.Replace("entity=vladimir-putin&minScore=0.5", "minScore=0.5&entity=vladimir-putin", StringComparison.Ordinal));
        using var widened = await serve.Client.GetAsync(url.AbsoluteUri.Replace("minScore=0.5", "minScore=0", StringComparison.Ordinal));
        using var unknown = await serve.Client.GetAsync(url.AbsoluteUri + "&page=2");

        Assert.Equal(HttpStatusCode.OK, reordered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, widened.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("page: not a parameter of a saved search", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMatchesFeedRouteIsNotTakenForAnArticleId()
    {
        using var article = await serve.Client.GetAsync("api/matches/feed.atom");
        using var feed = await serve.Client.GetAsync("api/matches.atom");

        Assert.Equal(HttpStatusCode.BadRequest, article.StatusCode);
        Assert.Contains("articleId", await article.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, feed.StatusCode);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task WithoutAKeyTheFeedsRefuseAndNoUrlIsPrinted()
    {
        await serve.DisposeAsync();
        deployment.Settings.Remove("Monitor:FeedKey");
        serve = await ServeHost.StartAsync(deployment);

        using var response = await serve.Client.GetAsync($"api/subscriptions/{Desk}/feed.atom?token=anything");
        var printed = await deployment.RunCliAsync("feed-url");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Monitor:FeedKey is not set", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, printed.ExitCode);
        Assert.Contains("Monitor:FeedKey is not set", printed.Error, StringComparison.Ordinal);
        Assert.Contains("Monitor:FeedKey is not set", serve.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedUrlPrintsEverySubscriptionsFeed()
    {
        var printed = await deployment.RunCliAsync("feed-url", "--base-url", "https://func-abc.azurewebsites.net");

        var lines = printed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        Assert.Equal(0, printed.ExitCode);
        Assert.Equal([Desk, "world-briefing"], lines.Select(l => l[0]));
        Assert.All(lines, l => Assert.Matches($"^https://func-abc\\.azurewebsites\\.net/api/subscriptions/{l[0]}/feed\\.atom\\?token=[A-Za-z0-9_-]{{43}}$", l[1]));
    }

    /// <summary>The URL <c>monitor feed-url</c> prints for one feed, against this test's <c>monitor serve</c>.</summary>
    private async Task<Uri> FeedUrlAsync(params string[] feed)
    {
        var printed = await deployment.RunCliAsync(["feed-url", .. feed, "--base-url", serve.Url.AbsoluteUri]);
        Assert.True(printed.ExitCode == 0, printed.Error);
        return new Uri(printed.Output.Trim().Split('\t')[1]);
    }
}
