using System.CommandLine;
using System.Text;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsMonitor.Cli.Syntax;
using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Feeds;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>monitor config push [--container NAME]</c>: checks the watchlist, feed list and subscriptions files and uploads
/// them to the configuration container, where a deployed monitor reads them (and notices changes) without redeploying.
/// Nothing is uploaded unless all three are valid, and every entity, feed and category the subscriptions name is in the
/// other two.
/// </summary>
internal static class ConfigCommand
{
    public static MonitorCommand Declare(CliContext context)
    {
        var containerName = CliOptions.Value("--container", "NAME", "The configuration container (default Monitor__ConfigContainer, or config).");
        var push = new MonitorCommand("push", "Check watchlist, feeds and subscriptions and upload them to the configuration container; nothing unless all three are valid.")
        {
            containerName,
        }.UsingStorage().WithExamples(("monitor config push", "validate and upload the files Monitor__*Path name"))
        .Does((result, cancellationToken) => PushAsync(context, result.GetValue(containerName), cancellationToken));
        return new MonitorCommand("config", "The configuration files a deployed monitor reads from storage.") { push };
    }

    private static async Task<int> PushAsync(CliContext context, string? containerName, CancellationToken cancellationToken)
    {
        await using var services = context.BuildServices();
        var options = services.GetRequiredService<IOptions<MonitorOptions>>().Value;
        var container = containerName ?? (options.ConfigContainer.Length > 0 ? options.ConfigContainer : "config");
        var files = new[] { options.WatchlistPath, options.FeedsPath, options.SubscriptionsPath }.Select(Path.GetFullPath).ToArray();
        var contents = new List<byte[]>();
        foreach (var file in files)
        {
            contents.Add(await File.ReadAllBytesAsync(file, cancellationToken));
        }

        var watchlist = WatchlistLoader.Parse(contents[0], files[0]);
        var feeds = FeedListLoader.Parse(Encoding.UTF8.GetString(contents[1]), files[1]);
        var subscriptions = SubscriptionLoader.Parse(Encoding.UTF8.GetString(contents[2]), files[2]);
        if (SubscriptionReferences.Problems(subscriptions, watchlist, feeds) is { Count: > 0 } problems)
        {
            throw new ConfigFileException(files[2], "subscriptions", problems);
        }

        var storage = services.GetRequiredService<MonitorStorage>();
        var target = storage.ConfigContainer(container);
        await target.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        for (var i = 0; i < files.Length; i++)
        {
            var blob = storage.ConfigBlob(container, files[i]);
            await blob.UploadAsync(new BinaryData(contents[i]), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } }, cancellationToken);
            await context.Output.WriteLineAsync($"{files[i]} -> {target.Name}/{blob.Name}");
        }

        return 0;
    }
}
