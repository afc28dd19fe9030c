using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Cli.Syntax;
using NewsMonitor.Configuration;
using NewsMonitor.Configuration.Opml;
using NewsMonitor.Escaping;
using NewsMonitor.Feeds;
using NewsMonitor.Reading;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>monitor feeds [--format table|json]</c>: every configured feed with its health from FeedState;
/// <c>monitor feeds import FILE.opml [--dry-run]</c> merges an OPML subscription list into the feed list file;
/// <c>monitor feeds export [--output FILE]</c> writes the feed list as OPML 2.0.
/// </summary>
internal static class FeedsCommand
{
    public static MonitorCommand Declare(CliContext context)
    {
        var format = CliOptions.Format("table", "json");
        return new MonitorCommand("feeds", "Each configured feed's health: status, last success, failures, next poll, items, last error.")
        {
            format, DeclareImport(context), DeclareExport(context),
        }.UsingStorage().WithExamples(
            ("monitor feeds", "a table; problems in feeds.json on stderr, exit 1"),
            ("monitor feeds --format json", "the same rows as JSON"),
            ("monitor feeds import subscriptions.opml", "add another reader's feeds to feeds.json"),
            ("monitor feeds export --output feeds.opml", "the feed list as OPML 2.0"))
        .Does((result, cancellationToken) => RunAsync(context, result.GetValue(format)!, cancellationToken));
    }

    // Import and export edit and read the feed list file alone: no storage, so no Azurite is started for them.
    private static MonitorCommand DeclareImport(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "An OPML file exported by a feed reader (Miniflux, FreshRSS, Feedly, Inoreader, …)." };
        var dryRun = CliOptions.Switch("--dry-run", "Report what would be added, skipped and refused; write nothing.");
        return new MonitorCommand("import", "Merge an OPML subscription list into the feed list file: new URLs added (folders become categories), known ones skipped.")
        {
            file, dryRun,
        }.WithExamples(
            ("monitor feeds import subscriptions.opml", "added/skipped per feed, then the counts; refused entries on stderr with their line, exit 1"),
            ("monitor feeds import subscriptions.opml --dry-run", "the same report, nothing written"))
        .Does((result, cancellationToken) => ImportAsync(context, result.GetValue(file)!, result.GetValue(dryRun)));
    }

    private static MonitorCommand DeclareExport(CliContext context)
    {
        var output = CliOptions.Value("--output", "FILE", "Write the OPML to this file rather than to stdout.");
        return new MonitorCommand("export", "The feed list as OPML 2.0, categories as nested folders, for any feed reader.")
        {
            output,
        }.WithExamples(("monitor feeds export", "OPML on stdout"), ("monitor feeds export --output feeds.opml", "to a file"))
        .Does((result, cancellationToken) => ExportAsync(context, result.GetValue(output), cancellationToken));
    }

    private static string FeedsPath(CliContext context)
        => context.BuildConfiguration()[$"{MonitorOptions.SectionName}:{nameof(MonitorOptions.FeedsPath)}"] ?? new MonitorOptions().FeedsPath;

    private static async Task<int> ImportAsync(CliContext context, string file, bool dryRun)
    {
        var report = FeedImport.ImportFile(FeedsPath(context), file, dryRun);
        var listed = report.Added.Select(f => $"added    {f.Id}  {f.Url}  {f.Category}").Concat(report.Skipped.Select(s => $"skipped  {s}"));
        await context.Output.WriteLineAsync(string.Concat(listed.Select(l => ControlCharacters.Reveal(l) + Environment.NewLine)) + report.Summary + (dryRun ? " (dry run: nothing written)" : string.Empty));
        foreach (var refused in report.Invalid)
        {
            await context.Error.WriteLineAsync(ControlCharacters.Reveal($"invalid  {file}: {refused}"));
        }

        return report.Invalid.Count > 0 ? 1 : 0;
    }

    private static async Task<int> ExportAsync(CliContext context, string? output, CancellationToken cancellationToken)
    {
        var feedsPath = FeedsPath(context);
        var feeds = FeedListLoader.Parse(await File.ReadAllTextAsync(feedsPath, cancellationToken), Path.GetFullPath(feedsPath));
        await using var writer = output is null ? null : new StreamWriter(output);
        OpmlWriter.Write(feeds, writer ?? context.Output, TimeProvider.System.GetUtcNow());
        await (writer ?? context.Output).WriteLineAsync();
        return 0;
    }

    private static async Task<int> RunAsync(CliContext context, string format, CancellationToken cancellationToken)
    {
        await using var services = context.BuildServices();
        var view = await services.GetRequiredService<FeedHealthReport>().ReadAsync(cancellationToken);
        var rows = view.Items;
        foreach (var problem in view.ConfigurationProblems)
        {
            // On stderr, so the JSON and the table on stdout keep their shape for scripts.
            await context.Error.WriteLineAsync(ControlCharacters.Reveal(UrlCredentials.MaskedIn(problem.ToString()), keepLineBreaks: true));
        }

        if (format == "json")
        {
            await context.Output.WriteLineAsync(ControlCharacters.Reveal(JsonSerializer.Serialize(rows, JsonDefaults.Options)));
            return view.ConfigurationProblems.Count > 0 ? 1 : 0;
        }

        var idWidth = Math.Max(4, rows.Count == 0 ? 0 : rows.Max(r => r.Id.Length));
        var lines = new List<string> { $"{"FEED".PadRight(idWidth)}  {"STATUS",-12}  {"LAST SUCCESS (UTC)",-18}  {"FAILS",5}  {"NEXT POLL (UTC)",-16}  {"ITEMS",6}  LAST ERROR" };
        lines.AddRange(rows.Select(r => $"{r.Id.PadRight(idWidth)}  {r.Status,-12}  {Time(r.LastSuccessAt),-18}  {r.ConsecutiveFailures,5}  {Time(r.NextPollAt),-16}  {r.ItemsSeen,6}  {ControlCharacters.Reveal(r.LastError ?? string.Empty)}"));
        await context.Output.WriteLineAsync(string.Join(Environment.NewLine, lines));
        return view.ConfigurationProblems.Count > 0 ? 1 : 0;
    }

    private static string Time(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
}
