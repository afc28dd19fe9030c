using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
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
    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        // Import and export edit and read the feed list file alone: no storage, so no Azurite is started for them.
        var feedsPath = context.BuildConfiguration()[$"{MonitorOptions.SectionName}:{nameof(MonitorOptions.FeedsPath)}"] ?? new MonitorOptions().FeedsPath;
        if (args is ["import", ..])
        {
            var import = CommandLine.Parse(args.Skip(1).ToList(), [], ["dry-run"]);
            var file = import.Positionals is [var opml] ? opml : throw new UsageException("feeds import: give one OPML file, e.g. monitor feeds import subscriptions.opml");
            var report = FeedImport.ImportFile(feedsPath, file, import.Has("dry-run"));
            var listed = report.Added.Select(f => $"added    {f.Id}  {f.Url}  {f.Category}").Concat(report.Skipped.Select(s => $"skipped  {s}"));
            await context.Output.WriteLineAsync(string.Concat(listed.Select(l => ControlCharacters.Reveal(l) + Environment.NewLine)) + report.Summary + (import.Has("dry-run") ? " (dry run: nothing written)" : string.Empty));
            foreach (var refused in report.Invalid)
            {
                await context.Error.WriteLineAsync(ControlCharacters.Reveal($"invalid  {file}: {refused}"));
            }

            return report.Invalid.Count > 0 ? 1 : 0;
        }

        if (args is ["export", ..])
        {
            var output = CommandLine.Parse(args.Skip(1).ToList(), ["output"], []).Value("output");
            var feeds = FeedListLoader.Parse(await File.ReadAllTextAsync(feedsPath, cancellationToken), Path.GetFullPath(feedsPath));
            await using var writer = output is null ? null : new StreamWriter(output);
            OpmlWriter.Write(feeds, writer ?? context.Output, TimeProvider.System.GetUtcNow());
            await (writer ?? context.Output).WriteLineAsync();
            return 0;
        }

        var line = CommandLine.Parse(args, ["format"], []);
        var format = line.Format("table", "json");

        await using var services = context.BuildServices();
        var view = await services.GetRequiredService<FeedHealthReport>().ReadAsync(cancellationToken);
        var rows = view.Items;
        foreach (var problem in view.ConfigurationProblems)
        {
            // On stderr, so the JSON and the table on stdout keep their shape for scripts.
            await context.Error.WriteLineAsync(ControlCharacters.Reveal(problem.ToString(), keepLineBreaks: true));
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
