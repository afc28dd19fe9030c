using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Cli.LocalHost;
using NewsMonitor.Cli.Syntax;
using NewsMonitor.Cli.Terminal;
using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Http;
using NewsMonitor.Reading;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>monitor demo [--site seeds/demo]</c>: the whole pipeline offline, on the storage every command uses (the local
/// Azurite, which the CLI starts when needed and leaves running), serves the demo site on loopback, runs the pipeline
/// once over its feed, prints the matches and writes a digest preview to <c>.local/demo/digest.html</c>.
/// </summary>
internal static class DemoCommand
{
    public static MonitorCommand Declare(CliContext context)
    {
        var site = CliOptions.Value("--site", "DIR", "The folder to serve as the demo site (default seeds/demo).");
        var verbose = CliOptions.Switch("--verbose", "Show the pipeline's log.");
        return new MonitorCommand("demo", "Run the pipeline once over the offline demo site, print the matches and write a digest preview.")
        {
            site, verbose,
        }.UsingStorage().WithExamples(
            ("monitor demo", "serve seeds/demo, poll its feed, match, print; digest in .local/demo/digest.html"),
            ("monitor serve --demo --open", "then review the matches in the workspace"))
        .Does((result, cancellationToken) => RunAsync(context, result.GetValue(site), result.GetValue(verbose), cancellationToken));
    }

    private static async Task<int> RunAsync(CliContext context, string? sitePath, bool verbose, CancellationToken cancellationToken)
    {
        var root = AzuriteProcess.FindRepositoryRoot(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();
        var work = WorkFolder(root);
        Directory.CreateDirectory(work);

        await using (var site = await DemoSite.StartAsync(sitePath ?? Path.Combine(root, "seeds", "demo"), cancellationToken: cancellationToken))
        {
            var feedUrl = new Uri(site.BaseUrl, "feed.xml");
            var feedsPath = FeedsPath(root);
            await File.WriteAllTextAsync(feedsPath, JsonSerializer.Serialize(new { feeds = new[] { new { id = "demo", name = "Global Affairs Daily (demo)", url = feedUrl } } }, JsonDefaults.Indented), cancellationToken);
            await context.Error.WriteLineAsync($"Serving the demo site at {site.BaseUrl}");

            var settings = new Dictionary<string, string?>(StorageSettings(root))
            {
                [$"{OutboundHttpOptions.SectionName}:{nameof(OutboundHttpOptions.AllowPrivateNetworks)}"] = "true",

                // The demo site is our own server on loopback: no need to space the requests.
                [$"{OutboundHttpOptions.SectionName}:{nameof(OutboundHttpOptions.MinIntervalPerHost)}"] = "00:00:00",
            };
            await using var services = context.BuildServices(settings, verbose: verbose);
            var pipeline = new LocalPipeline(services, context.BuildConfiguration(settings));
            await using (RunProgress.Start(context.Terminal, pipeline.Summary, feeds: 1, context.Quiet))
            {
                await pipeline.RunOnceAsync(cancellationToken);
            }

            await context.Output.WriteLineAsync(pipeline.Summary.ToString());
            await context.Output.WriteLineAsync();

            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var query = new MatchQuery([], now - TimeSpan.FromDays(7), now, MatchQuery.MaxLimit);
            await context.Output.WriteLineAsync(MatchesCommand.Table((await services.GetRequiredService<MatchFinder>().FindAsync(query, cancellationToken)).Items));
            await context.Output.WriteLineAsync();

            var digest = await services.GetRequiredService<DigestRunner>().PreviewAsync(DigestCommand.Everything, query.From, cancellationToken);
            await DigestCommand.WriteAsync(context, digest, Path.Combine(work, "digest.html"), cancellationToken);
            await context.Output.WriteLineAsync("Review these matches in the workspace: monitor serve --demo --open");
        }

        return 0;
    }

    /// <summary>Where the demo keeps its data, apart from <c>monitor run</c>'s: its storage prefix and its feed list.</summary>
    public static IReadOnlyDictionary<string, string?> StorageSettings(string root) => new Dictionary<string, string?>
    {
        [$"{MonitorOptions.SectionName}:{nameof(MonitorOptions.FeedsPath)}"] = FeedsPath(root),
        [$"{MonitorOptions.SectionName}:{nameof(MonitorOptions.StoragePrefix)}"] = "demo",
    };

    private static string WorkFolder(string root) => Path.Combine(root, ".local", "demo");

    private static string FeedsPath(string root) => Path.Combine(WorkFolder(root), "feeds.json");
}
