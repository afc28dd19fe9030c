using System.CommandLine;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NCrontab;
using NewsMonitor.Cli.LocalHost;
using NewsMonitor.Cli.Syntax;
using NewsMonitor.Configuration;
using NewsMonitor.Cli.Terminal;
using NewsMonitor.Delivery.Channels;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Delivery.Syndication;
using NewsMonitor.Escaping;
using NewsMonitor.Hosting;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor run [--once] [--verbose]</c>: the pipeline on this machine against the configured storage (Azurite by default).</summary>
internal static class RunCommand
{
    public static MonitorCommand Declare(CliContext context)
    {
        var once = CliOptions.Switch("--once", "Poll every feed now, drain the queues, print the counts and exit.");
        var verbose = CliOptions.Switch("--verbose", "With --once: the log too (without --once the log is always shown).");
        return new MonitorCommand("run", "Host the pipeline on this machine against the configured storage (Azurite by default): timers and queue listeners until Ctrl+C.")
        {
            once, verbose,
        }.UsingStorage().WithExamples(
            ("monitor run", "poll on the schedule, process, send digests, until Ctrl+C"),
            ("monitor run --once", "one pass over every feed, then the counts"))
        .Does((result, cancellationToken) => RunAsync(context, result.GetValue(once), result.GetValue(verbose), cancellationToken));
    }

    private static async Task<int> RunAsync(CliContext context, bool once, bool verbose, CancellationToken cancellationToken)
    {
        await using var services = context.BuildServices(verbose: verbose, events: !once);

        // --verbose: the pipeline's metrics, summed over the run, printed when it ends.
        using var metrics = verbose ? new MetricsSummary(services.GetRequiredService<IMeterFactory>()) : null;
        var configuration = context.BuildConfiguration();

        // Refused before any feed is polled: a run on a broken file would only queue work that cannot be done.
        var problems = await StartProblemsAsync(services, cancellationToken);
        if (problems.Count > 0)
        {
            var listed = string.Concat(problems.Select(p => Environment.NewLine + p));
            await context.Error.WriteLineAsync("monitor run: not started, the configuration does not validate:" + ControlCharacters.Reveal(UrlCredentials.MaskedIn(listed), keepLineBreaks: true));
            return 1;
        }

        await WarnAboutSubscriptionsAsync(context, services, cancellationToken);

        var pipeline = new LocalPipeline(services, configuration);
        if (once)
        {
            var feeds = (await services.GetRequiredService<MonitorConfiguration>().GetFeedsAsync(cancellationToken)).Count;
            await using (RunProgress.Start(context.Terminal, pipeline.Summary, feeds, context.Quiet))
            {
                await pipeline.RunOnceAsync(cancellationToken);
            }

            await context.Output.WriteLineAsync(pipeline.Summary.ToString());
            await WriteMetricsAsync(context, metrics);
            return 0;
        }

        // Refused before anything runs, with the setting's name: the timers parse the same settings again.
        foreach (var timer in PipelineStages.Timers)
        {
            ScheduleTimer.Schedule(timer, configuration);
        }

        await context.Error.WriteLineAsync($"Running: feeds on \"{ScheduleText(PipelineStages.ScheduleFeeds, configuration)}\", digests on \"{ScheduleText(PipelineStages.SendDigests, configuration)}\". Ctrl+C stops.");
        if (!services.GetRequiredService<FeedTokens>().Enabled)
        {
            await context.Error.WriteLineAsync(FeedTokens.Disabled + ".");
        }

        await using var progress = RunProgress.Start(context.Terminal, pipeline.Summary, feeds: null, context.Quiet);
        try
        {
            await pipeline.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: a normal stop.
            context.Terminal.WriteLine($"Stopped: {pipeline.Summary.Released} held message(s) released for the next run.");
        }

        await WriteMetricsAsync(context, metrics);
        return 0;
    }

    private static async Task WriteMetricsAsync(CliContext context, MetricsSummary? metrics)
    {
        if (metrics is not null)
        {
            await context.Error.WriteLineAsync(metrics.ToString());
        }
    }

    /// <summary>Files that do not validate, and webhooks meant to be signed that have no usable secret.</summary>
    private static async Task<IReadOnlyList<string>> StartProblemsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<MonitorConfiguration>();
        var problems = (await configuration.CheckAsync(cancellationToken)).Select(p => p.ToString()).ToList();
        if (problems.Count == 0)
        {
            problems.AddRange(services.GetRequiredService<WebhookSecrets>().Problems(await configuration.GetSubscriptionsAsync(cancellationToken)));
        }

        return problems;
    }

    /// <summary>
    /// Subscriptions naming an entity, feed or category the other files do not hold: said, not refused, since matching
    /// and storing go on unharmed and only those digests miss what the name was meant to bring.
    /// </summary>
    private static async Task WarnAboutSubscriptionsAsync(CliContext context, IServiceProvider services, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<MonitorConfiguration>();
        var watchlist = (await configuration.GetMatcherAsync(cancellationToken)).Watchlist;
        var feeds = await configuration.GetFeedsAsync(cancellationToken);
        foreach (var problem in SubscriptionReferences.Problems(await configuration.GetSubscriptionsAsync(cancellationToken), watchlist, feeds))
        {
            await context.Error.WriteLineAsync("monitor run: warning: " + ControlCharacters.Reveal(problem));
        }
    }

    private static string ScheduleText(TimerStage timer, IConfiguration configuration)
        => (timer.ScheduleSetting is null ? null : configuration[timer.ScheduleSetting]) ?? timer.DefaultSchedule;
}
