using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NCrontab;
using NewsMonitor.Configuration;
using NewsMonitor.Escaping;
using NewsMonitor.Hosting;
using NewsMonitor.Cli.LocalHost;
using NewsMonitor.Cli.Terminal;
using NewsMonitor.Delivery.Channels;
using NewsMonitor.Delivery.Syndication;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor run [--once] [--verbose]</c>: the pipeline on this machine against the configured storage (Azurite by default).</summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(args, [], ["once", "verbose"]);
        if (line.Positionals.Count > 0)
        {
            throw new UsageException($"run takes no arguments, got \"{line.Positionals[0]}\"");
        }

        await using var services = context.BuildServices(verbose: line.Has("verbose"), events: !line.Has("once"));
        var configuration = context.BuildConfiguration();

        // Refused before any feed is polled: a run on a broken file would only queue work that cannot be done.
        var problems = await StartProblemsAsync(services, cancellationToken);
        if (problems.Count > 0)
        {
            var listed = string.Concat(problems.Select(p => Environment.NewLine + p));
            await context.Error.WriteLineAsync("monitor run: not started, the configuration does not validate:" + ControlCharacters.Reveal(UrlCredentials.MaskedIn(listed), keepLineBreaks: true));
            return 1;
        }

        var pipeline = new LocalPipeline(services, configuration);
        if (line.Has("once"))
        {
            var feeds = (await services.GetRequiredService<MonitorConfiguration>().GetFeedsAsync(cancellationToken)).Count;
            await using (RunProgress.Start(context.Terminal, pipeline.Summary, feeds, context.Quiet))
            {
                await pipeline.RunOnceAsync(cancellationToken);
            }

            await context.Output.WriteLineAsync(pipeline.Summary.ToString());
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

        return 0;
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

    private static string ScheduleText(TimerStage timer, IConfiguration configuration)
        => (timer.ScheduleSetting is null ? null : configuration[timer.ScheduleSetting]) ?? timer.DefaultSchedule;
}
