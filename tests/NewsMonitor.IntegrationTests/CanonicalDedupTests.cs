using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Feeds;
using NewsMonitor.Storage;

namespace NewsMonitor.IntegrationTests;

/// <summary>The same story reached through two URLs is stored once, by the canonical link of its page.</summary>
[Collection(SharedAzurite.Name)]
public sealed class CanonicalDedupTests(LocalEnvironment environment)
{
    private const string Body = "<p>Vladimir Putin and Donald Trump spoke by phone on Tuesday about a ceasefire in Ukraine, officials in Moscow and Washington said after the call ended.</p>";

    [Fact]
    public async Task TwoUrlsOfOneStoryAreStoredOnce()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/feed", () => LoopbackServer.Rss("<item><title>Call</title><link>/amp/story</link></item><item><title>Call</title><link>/print/story</link></item><item><title>Other</title><link>/home-canonical</link></item>"));
            app.MapGet("/amp/story", () => Page("/story"));
            app.MapGet("/print/story", () => Page("/story"));
            app.MapGet("/home-canonical", () => Page("/"));
        });
        var deployment = environment.NewDeployment();
        await File.WriteAllTextAsync(deployment.Settings["Monitor:FeedsPath"]!, $$"""{"feeds":[{"id":"one","url":"{{server.Url("/feed")}}"}]}""");

        var run = await deployment.RunCliAsync("run", "--once");

        Assert.Contains("articles processed: 3, matched: 2", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, (await deployment.MatchedBlobPathsAsync()).Count);
        var seen = new SeenArticleStore(deployment.Storage);
        var rows = new[] { "/amp/story", "/print/story" }.Select(path => seen.GetAsync(Id(server.Url(path))).Result!).ToList();
        var kept = Assert.Single(rows, r => r.Status == SeenStatus.Matched);
        var duplicate = Assert.Single(rows, r => r.Status == SeenStatus.Duplicate);
        Assert.Equal(kept.RowKey, duplicate.SameAs);
        var alias = await seen.GetAsync(Id(server.Url("/story")));
        Assert.Equal(SeenStatus.Alias, alias!.Status);
        Assert.Equal(kept.RowKey, alias.SameAs);
    }

    private static IResult Page(string canonical)
        => Results.Content($"<html><head><title>Call</title><link rel=\"canonical\" href=\"{canonical}\"></head><body><article><h1>Call</h1>{Body}</article></body></html>", "text/html");

    private static string Id(Uri url) => ArticleId.FromCanonicalUrl(CanonicalUrl.Normalize(url));
}
