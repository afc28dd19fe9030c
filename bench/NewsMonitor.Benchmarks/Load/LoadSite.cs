using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsMonitor.Benchmarks.Load;

/// <summary>
/// The load test's publishers, on 127.0.0.1: feed <c>/feed/{f}</c> lists <c>/feed/{f}/{i}</c> for i below the item
/// count, each with a one-line summary, so every article's page is fetched and extracted. The pages are the 121 real
/// pages of the extraction corpus in turn, each given a canonical link to its own address so that every URL is its own
/// story.
/// </summary>
internal sealed partial class LoadSite : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoadSite(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<LoadSite> StartAsync(int items)
    {
        var pages = ExtractionCorpus.Pages.Select(p => p.Html).ToArray();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/feed/{feed:int}", (int feed) => Results.Text(Feed(feed, items), "application/rss+xml"));
        app.MapGet("/feed/{feed:int}/{item:int}", (int feed, int item, HttpRequest request) =>
        {
            var html = pages[((feed * items) + item) % pages.Length];
            var canonical = $"<link rel=\"canonical\" href=\"{request.Path}\">";
            var head = HeadTag().Match(html);
            return Results.Content(head.Success ? html.Insert(head.Index + head.Length, canonical) : canonical + html, "text/html; charset=utf-8");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LoadSite(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public Uri FeedUrl(int feed) => new(BaseUrl, $"feed/{feed}");

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static string Feed(int feed, int items) =>
        $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Load {feed}</title><link>https://example.org/</link>"""
        + string.Concat(Enumerable.Range(0, items).Select(item => $"<item><title>Story {feed}-{item}</title><link>/feed/{feed}/{item}</link><description>Story {item} of feed {feed}.</description></item>"))
        + "</channel></rss>";

    [GeneratedRegex("<head[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HeadTag();
}
