using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Feeds;
using NewsMonitor.Reading;

namespace NewsMonitor.IntegrationTests;

/// <summary>A feed's <c>language</c> in feeds.json is its articles' language when their page declares none.</summary>
[Collection(SharedAzurite.Name)]
public sealed class FeedLanguageTests(LocalEnvironment environment)
{
    private const string Body = "<p>Vladimir Putin and Donald Trump spoke by phone on Tuesday about a ceasefire in Ukraine, officials in Moscow and Washington said after the call ended.</p>";

    [Fact]
    public async Task APageWithoutALanguageTakesItsFeedsAndAPageWithOneKeepsIt()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/feed", () => LoopbackServer.Rss("<item><title>Anruf</title><link>/undeclared</link></item><item><title>Call</title><link>/declared</link></item>"));
            app.MapGet("/undeclared", () => Results.Content($"<html><head><title>Anruf</title></head><body><article>{Body}</article></body></html>", "text/html"));
            app.MapGet("/declared", () => Results.Content($"<html lang=\"en\"><head><title>Call</title></head><body><article>{Body}</article></body></html>", "text/html"));
        });
        var deployment = environment.NewDeployment();
        await File.WriteAllTextAsync(deployment.Settings["Monitor:FeedsPath"]!, $$"""{"feeds":[{"id":"wire","url":"{{server.Url("/feed")}}","language":"de"}]}""");

        var run = await deployment.RunCliAsync("run", "--once");

        Assert.Contains("articles processed: 2, matched: 2", run.Output, StringComparison.Ordinal);
        await using var services = deployment.BuildServices();
        var finder = services.GetRequiredService<MatchFinder>();
        Assert.Equal("de", (await finder.GetAsync(Id(server.Url("/undeclared"))))!.Language);
        Assert.Equal("en", (await finder.GetAsync(Id(server.Url("/declared"))))!.Language);
    }

    private static string Id(Uri url) => ArticleId.FromCanonicalUrl(CanonicalUrl.Normalize(url));
}
