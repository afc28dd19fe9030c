using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Backfill;
using NewsMonitor.Cli.Syntax;
using NewsMonitor.Cli.Terminal;
using NewsMonitor.Reading;
using NewsMonitor.Storage;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>monitor backfill --since 30d [--entity ID]...</c>: applies the live watchlist's entities (all, or those named) to
/// the archive in this process, printing progress and a summary; a stopped run is resumed by the same command within
/// the hour. <c>monitor backfill --status [--format table|json]</c>: the jobs, newest first.
/// </summary>
internal static class BackfillCommand
{
    public static MonitorCommand Declare(CliContext context)
    {
        var since = CliOptions.Value("--since", "TIME", "How far back: a duration (30d, 12h, 2w) or a past ISO-8601 time (required without --status).");
        var entity = CliOptions.Values("--entity", "ID", "Only this entity of the live watchlist (repeatable); none: all of them.");
        var status = CliOptions.Switch("--status", "List the backfill jobs instead, newest first.");
        var limit = CliOptions.Value("--limit", "N", "With --status: how many jobs.");
        var format = CliOptions.Format("table", "json");
        return new MonitorCommand("backfill", "Apply the watchlist (or these entities) to the archived articles, with progress; or list the jobs with --status.")
        {
            since, entity, status, limit, format,
        }.UsingStorage().WithExamples(
            ("monitor backfill --since 30d --entity graham-nkosi", "one new entity over the last month"),
            ("monitor backfill --status", "jobs: trigger, state, blocks, added/removed"))
        .Does((result, cancellationToken) => result.GetValue(status)
            ? StatusAsync(context, result.GetValue(limit), result.GetValue(format)!, cancellationToken)
            : RunAsync(context, result.GetValue(since), result.GetValue(entity) ?? [], result.GetValue(format)!, cancellationToken));
    }

    private static async Task<int> StatusAsync(CliContext context, string? text, string format, CancellationToken cancellationToken)
    {
        await using var services = context.BuildServices();
        if (!BackfillStatus.TryParseLimit(text, out var limit))
        {
            throw new UsageException($"--limit \"{text}\": give {BackfillStatus.LimitRule}");
        }

        var jobs = await services.GetRequiredService<BackfillStatus>().ListAsync(limit, cancellationToken);
        await context.Output.WriteLineAsync(format == "json" ? JsonSerializer.Serialize(jobs, JsonDefaults.Options) : StatusTable(jobs));
        return 0;
    }

    private static async Task<int> RunAsync(CliContext context, string? since, IReadOnlyList<string> entities, string format, CancellationToken cancellationToken)
    {
        if (since is null)
        {
            throw new UsageException("backfill needs --since (e.g. --since 30d), or --status");
        }

        await using var services = context.BuildServices();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!TimeExpression.TryParse(since, now, out var from) || from >= now)
        {
            throw new UsageException($"--since \"{since}\": give a duration back from now (30d, 12h, 2w) or a past ISO-8601 time");
        }

        var runner = services.GetRequiredService<BackfillRunner>();
        BackfillRun run;
        try
        {
            var started = TimeProvider.System.GetTimestamp();
            run = await runner.RunAsync(from, entities, job => ShowProgress(context, job, TimeProvider.System.GetElapsedTime(started)), cancellationToken);
            context.Terminal.Status(null);
        }
        catch (UnknownEntitiesException ex)
        {
            throw new UsageException(string.Join(Environment.NewLine, KnownNames.UnknownEntities("--entity", ex.Unknown, ex.Known)));
        }

        await context.Output.WriteLineAsync(format == "json" ? JsonSerializer.Serialize(new { run.Job, ElapsedSeconds = run.Elapsed.TotalSeconds, run.TextMegabytesPerSecond }, JsonDefaults.Options) : Summary(run));
        return 0;
    }

    /// <summary>On a terminal the status line; redirected, a plain line per step as before; nothing with <c>--quiet</c>.</summary>
    private static void ShowProgress(CliContext context, BackfillJob job, TimeSpan elapsed)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"backfill {job.Id}: {job.BlocksDone}/{job.BlocksTotal} blocks, {job.Articles} articles ({RunProgress.Rate((int)Math.Min(job.Articles, int.MaxValue), elapsed)}), +{job.Added} -{job.Removed} matches");
        if (context.Terminal.Interactive)
        {
            context.Terminal.Status(text);
        }
        else if (!context.Quiet)
        {
            context.Terminal.WriteLine(text);
        }
    }

    private static string Summary(BackfillRun run)
    {
        var job = run.Job;
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Backfill {job.Id} {job.State}: {job.BlocksDone}/{job.BlocksTotal} blocks, {job.Articles} articles scanned ({job.TextLength / 1e6:0.0} MB of text) from {job.From:yyyy-MM-dd HH:mm} to {job.To:yyyy-MM-dd HH:mm} UTC"),
            string.Create(CultureInfo.InvariantCulture, $"{job.Added} matches added, {job.Removed} removed, in {run.Elapsed.TotalSeconds:0.0} s ({run.TextMegabytesPerSecond:0.0} MB/s of text)"),
            $"{"ENTITY",-32}  {"ADDED",7}  {"REMOVED",7}",
        };
        lines.AddRange(job.Entities.Keys.Order(StringComparer.Ordinal).Select(id =>
        {
            var tally = job.PerEntity.GetValueOrDefault(id);
            return string.Create(CultureInfo.InvariantCulture, $"{id,-32}  {tally.Added,7}  {tally.Removed,7}") + (job.Skipped.Contains(id) ? "  (skipped: its definition changed during the run)" : string.Empty);
        }));
        return string.Join(Environment.NewLine, lines);
    }

    private static string StatusTable(IReadOnlyList<BackfillJobStatus> jobs)
    {
        if (jobs.Count == 0)
        {
            return "No backfill jobs yet.";
        }

        var lines = new List<string> { $"{"JOB",-24}  {"TRIGGER",-7}  {"STATE",-7}  {"BLOCKS",11}  {"ARTICLES",8}  {"ADDED",6}  {"REMOVED",7}  {"STARTED (UTC)",-16}  {"FINISHED (UTC)",-16}  ENTITIES" };
        lines.AddRange(jobs.Select(j => string.Create(
            CultureInfo.InvariantCulture,
            $"{j.Id,-24}  {j.Trigger,-7}  {j.State,-7}  {$"{j.BlocksDone}/{j.BlocksTotal}",11}  {j.Articles,8}  {j.Added,6}  {j.Removed,7}  {j.CreatedAt.UtcDateTime,-16:yyyy-MM-dd HH:mm}  {(j.FinishedAt is { } f ? f.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-"),-16}  {EntityList(j.Entities.Select(e => e.Id).ToList())}")));
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>A job over the whole watchlist names dozens of entities: the first few and how many in all keep a row on one line.</summary>
    private static string EntityList(List<string> ids)
        => ids.Count <= 3 ? string.Join(",", ids) : string.Create(CultureInfo.InvariantCulture, $"{string.Join(",", ids.Take(3))} … ({ids.Count} entities)");
}
