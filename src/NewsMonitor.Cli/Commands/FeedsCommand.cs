using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Escaping;
using NewsMonitor.Reading;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor feeds [--format table|json]</c>: every configured feed with its health from FeedState.</summary>
internal static class FeedsCommand
{
    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(args, ["format"], []);
        var format = line.Format("table", "json");

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
