using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsMonitor.IntegrationTests;

/// <summary>A real HTTP server on 127.0.0.1 whose routes a test writes, recording every request it receives.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackServer(WebApplication app, Uri baseUrl, ConcurrentQueue<string> requests)
    {
        this.app = app;
        BaseUrl = baseUrl;
        Requests = requests;
    }

    public Uri BaseUrl { get; }

    /// <summary>The path of every request received, in order.</summary>
    public ConcurrentQueue<string> Requests { get; }

    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    /// <param name="routes">The routes to serve.</param>
    /// <param name="host">Another loopback address (127.0.0.2…) to stand for a different host.</param>
    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> routes, string host = "127.0.0.1")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{host}:0");
        var app = builder.Build();
        var requests = new ConcurrentQueue<string>();
        app.Use(async (context, next) =>
        {
            requests.Enqueue(context.Request.Path.Value ?? "/");
            await next(context);
        });
        routes(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/"), requests);
    }

    public static IResult Rss(string items = "<item><title>One</title><link>https://example.org/one</link></item>")
        => Results.Text($"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test</title><link>https://example.org/</link>{items}</channel></rss>""", "application/rss+xml");

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
