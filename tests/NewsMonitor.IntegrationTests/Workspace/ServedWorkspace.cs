using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Articles;
using NewsMonitor.Cli;
using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.IntegrationTests.Workspace;

/// <summary>
/// <c>monitor serve --port 0</c> running in-process for one test, on a fresh deployment with the demo run's matches and,
/// when asked, a hostile stored article; the URL is read from what serve prints.
/// </summary>
internal sealed partial class ServedWorkspace : IAsyncDisposable
{
    /// <summary>The hostile headline: markup that would run script if the page ever parsed it as HTML.</summary>
    public const string HostileTitle = "<img src=x onerror=alert(1)>";

    /// <summary>The hostile article's link: a script URL, which must never become a link.</summary>
    public const string HostileUrl = "javascript:alert(2)";

    private readonly CancellationTokenSource stop;
    private readonly Task<int> serving;

    private ServedWorkspace(TestDeployment deployment, Uri url, CancellationTokenSource stop, Task<int> serving)
    {
        Deployment = deployment;
        Url = url;
        this.stop = stop;
        this.serving = serving;
    }

    public TestDeployment Deployment { get; }

    /// <summary>The workspace, e.g. http://localhost:40123/.</summary>
    public Uri Url { get; }

    /// <summary>The hostile article's id when it was stored.</summary>
    public string? HostileArticleId { get; private set; }

    /// <param name="demoRun">Run <c>monitor run --once</c> over the demo feed first, storing its six matches.</param>
    /// <param name="hostile">Store an article with <see cref="HostileTitle"/> and <see cref="HostileUrl"/> as well.</param>
    /// <param name="ownWatchlist">Work on a copy of the seed watchlist, for tests that change it.</param>
    public static async Task<ServedWorkspace> StartAsync(LocalEnvironment environment, bool demoRun = true, bool hostile = false, bool ownWatchlist = false)
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

        var hostileId = hostile ? await StoreHostileArticleAsync(deployment) : null;
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        var stop = new CancellationTokenSource();
        var serving = Task.Run(() => CliApp.RunAsync(["serve", "--port", "0"], synchronized, synchronized, deployment.Settings, stop.Token));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            string printed;
            lock (synchronized)
            {
                printed = output.ToString();
            }

            if (ServeLine().Match(printed) is { Success: true } line)
            {
                return new ServedWorkspace(deployment, new Uri(line.Groups["url"].Value), stop, serving) { HostileArticleId = hostileId };
            }

            if (serving.IsCompleted)
            {
                throw new InvalidOperationException($"monitor serve --port 0 stopped with exit code {await serving} before printing its URL: {printed}");
            }

            await Task.Delay(50);
        }

        await stop.CancelAsync();
        throw new TimeoutException("monitor serve --port 0 printed no \"Workspace and API on http://…\" line within 30 s");
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await serving;
        stop.Dispose();
    }

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

    [GeneratedRegex(@"Workspace and API on (?<url>http://\S+/) ")]
    private static partial Regex ServeLine();
}
