using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Articles;
using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.IntegrationTests.Workspace;

/// <summary>
/// <c>monitor serve --port 0</c> (<see cref="ServeHost"/>) for one browser test, on a fresh deployment with the demo
/// run's matches and, when asked, a hostile stored article.
/// </summary>
internal sealed class ServedWorkspace : IAsyncDisposable
{
    /// <summary>The hostile headline: markup that would run script if the page ever parsed it as HTML.</summary>
    public const string HostileTitle = "<img src=x onerror=alert(1)>";

    /// <summary>The hostile article's link: a script URL, which must never become a link.</summary>
    public const string HostileUrl = "javascript:alert(2)";

    private readonly ServeHost serve;

    private ServedWorkspace(TestDeployment deployment, ServeHost serve)
    {
        Deployment = deployment;
        this.serve = serve;
    }

    public TestDeployment Deployment { get; }

    /// <summary>The workspace, e.g. http://localhost:40123/.</summary>
    public Uri Url => serve.Url;

    /// <summary>The hostile article's id when it was stored.</summary>
    public string? HostileArticleId { get; private set; }

    /// <param name="demoRun">Run <c>monitor run --once</c> over the demo feed first, storing its six matches.</param>
    /// <param name="hostile">Store an article with <see cref="HostileTitle"/> and <see cref="HostileUrl"/> as well.</param>
    /// <param name="ownWatchlist">Work on a copy of the seed watchlist, for tests that change it.</param>
    /// <param name="feedCategories">After the run, file the demo feed under <c>World/Europe</c> and add a never-polled feed under <c>Sport</c>.</param>
    public static async Task<ServedWorkspace> StartAsync(LocalEnvironment environment, bool demoRun = true, bool hostile = false, bool ownWatchlist = false, bool feedCategories = false)
    {
        var deployment = environment.NewDeployment();
        if (ownWatchlist)
        {
            var copy = Path.Combine(deployment.Folder, "watchlist.json");
            File.Copy(deployment.Settings["Monitor:WatchlistPath"]!, copy);
            deployment.Settings["Monitor:WatchlistPath"] = copy;
        }

        if (demoRun)
        {
            var run = await deployment.RunCliAsync("run", "--once");
            Assert.True(run.ExitCode == 0, $"run --once failed: {run.Output}{run.Error}");
        }

        if (feedCategories)
        {
            var path = deployment.Settings["Monitor:FeedsPath"]!;
            var feeds = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(path))!["feeds"]!.AsArray();
            foreach (var feed in feeds)
            {
                feed!["category"] = "World/Europe";
            }

            feeds.Add(new System.Text.Json.Nodes.JsonObject { ["id"] = "sport-desk", ["url"] = "http://127.0.0.1:9/feed.xml", ["category"] = "Sport" });
            await File.WriteAllTextAsync(path, new System.Text.Json.Nodes.JsonObject { ["feeds"] = feeds.DeepClone() }.ToJsonString());
        }

        var hostileId = hostile ? await StoreHostileArticleAsync(deployment) : null;
        return new ServedWorkspace(deployment, await ServeHost.StartAsync(deployment)) { HostileArticleId = hostileId };
    }

    public ValueTask DisposeAsync() => serve.DisposeAsync();

    private static async Task<string> StoreHostileArticleAsync(TestDeployment deployment)
    {
        var now = DateTimeOffset.UtcNow;
        var url = new Uri(HostileUrl);
        var id = ArticleId.FromCanonicalUrl(new Uri("https://hostile.example/story"));
        const string name = "Vladimir Putin";
        var text = $"{name} was named in a story whose markup tries to run: <script>alert(3)</script> and <b onmouseover=alert(4)>bold</b>.";
        var mention = new Mention("vladimir-putin", EntityKind.Figure, name, TextField.Body, 0, name.Length, text[..60], 0);
        var article = new StoredArticle(
            id, "demo", url, url, HostileTitle, now, now, now, TextOrigin.Feed, null, "en", text, "test",
            [new EntityMatch("vladimir-putin", EntityKind.Figure, name, 1, 0.99)], [mention]);
        await using var services = deployment.BuildServices();
        var seen = services.GetRequiredService<SeenArticleStore>();
        await seen.ClaimForQueueAsync(id, "demo", url, now, "hostile-test");
        var path = await services.GetRequiredService<MatchStore>().SaveAsync(article);
        await seen.MarkProcessedAsync(id, SeenStatus.Matched, path);
        return id;
    }
}
