using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Cli.Syntax;
using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Channels;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Escaping;
using NewsMonitor.Reading;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>monitor digest [--subscription ID] [--since 1d] [--preview FILE.html] [--send]</c>: builds the digest a subscription
/// would get, without sending or moving its watermark; with <c>--send</c>, delivers the subscription's pending digest now.
/// </summary>
internal static class DigestCommand
{
    /// <summary>Used when no subscription is named: every tracked entity.</summary>
    public static readonly Subscription Everything = new("all", "All tracked entities", [], 0);

    public static MonitorCommand Declare(CliContext context)
    {
        var subscription = CliOptions.Value("--subscription", "ID", "The subscription whose digest to build (default: every tracked entity).");
        var since = CliOptions.Value("--since", "TIME", "Start: a duration back from now or an ISO-8601 time.");
        since.DefaultValueFactory = _ => "1d";
        var preview = CliOptions.Value("--preview", "FILE.html", "Write the HTML (and the .txt beside it) instead of printing the text.");
        var send = CliOptions.Switch("--send", "Deliver the subscription's pending digest now through its channels.");
        return new MonitorCommand("digest", "Build the digest a subscription would get, without sending it or moving its watermark; --send delivers it.")
        {
            subscription, since, preview, send,
        }.UsingStorage().WithExamples(
            ("monitor digest --subscription russia-ukraine-desk --since 1d --preview digest.html", "look at it in a browser"),
            ("monitor digest --subscription russia-ukraine-desk --send", "send what is pending now"))
        .Does((result, cancellationToken) => RunAsync(context, result.GetValue(subscription), result.GetValue(since)!, result.GetValue(preview), result.GetValue(send), cancellationToken));
    }

    private static async Task<int> RunAsync(CliContext context, string? id, string since, string? previewPath, bool send, CancellationToken cancellationToken)
    {
        await using var services = context.BuildServices();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!TimeExpression.TryParse(since, now, out var from))
        {
            throw new UsageException($"--since: \"{since}\" is not an ISO-8601 time or a duration like 1d");
        }

        var subscription = Everything;
        if (id is not null)
        {
            var subscriptions = await services.GetRequiredService<MonitorConfiguration>().GetSubscriptionsAsync(cancellationToken);
            subscription = subscriptions.FirstOrDefault(s => s.Id == id)
                ?? throw new UsageException($"--subscription: no subscription \"{id}\"; known: {string.Join(", ", subscriptions.Select(s => s.Id))}");
        }

        var runner = services.GetRequiredService<DigestRunner>();
        if (send)
        {
            if (subscription == Everything)
            {
                throw new UsageException("--send needs --subscription: a digest is sent to a subscription's channels");
            }

            var outcomes = await runner.SendNowAsync(subscription, cancellationToken);
            foreach (var outcome in outcomes)
            {
                await context.Output.WriteLineAsync(outcome.Status switch
                {
                    DeliveryStatus.Sent => $"{outcome.SubscriptionId} via {outcome.Channel.Key}: {outcome.Items} articles sent, stored at {outcome.BlobPath}",
                    DeliveryStatus.AlreadyDelivered => $"{outcome.SubscriptionId} via {outcome.Channel.Key}: a pending digest of {outcome.Items} articles had been delivered already; recorded",
                    _ => $"{outcome.SubscriptionId} via {outcome.Channel.Key}: not delivered: {ControlCharacters.Reveal(outcome.Error ?? outcome.Status.ToString())}",
                });
            }

            var tally = new DeliveryTally();
            tally.Add(outcomes.Select(o => o.Delivery));
            await context.Output.WriteLineAsync(outcomes.Count == 0 ? $"{subscription.Id}: nothing was due — no new matches since the last digest" : tally.ToString());
            return outcomes.Any(o => !o.Delivery.IsDone) ? 1 : 0;
        }

        var digest = await runner.PreviewAsync(subscription, from, cancellationToken);
        await WriteAsync(context, digest, previewPath, cancellationToken);
        return 0;
    }

    public static async Task WriteAsync(CliContext context, Digest digest, string? previewPath, CancellationToken cancellationToken)
    {
        if (previewPath is null)
        {
            await context.Output.WriteAsync(DigestRenderer.Text(digest));
            return;
        }

        var full = Path.GetFullPath(previewPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, DigestRenderer.Html(digest), cancellationToken);
        await File.WriteAllTextAsync(Path.ChangeExtension(full, ".txt"), DigestRenderer.Text(digest), cancellationToken);
        await context.Output.WriteLineAsync($"Digest preview ({digest.ItemCount} articles) written to {full} and {Path.ChangeExtension(full, ".txt")}");
    }
}
