using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Cli.Syntax;
using NewsMonitor.Escaping;
using NewsMonitor.Reading;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor entities [--format table|json]</c>: the watchlist with each entity's matches in the last 24 h and 7 d.</summary>
internal static class EntitiesCommand
{
    public static MonitorCommand Declare(CliContext context)
    {
        var format = CliOptions.Format("table", "json");
        return new MonitorCommand("entities", "The watchlist's figures, topics and alerts with their matches in the last 24 h and 7 d.")
        {
            format,
        }.UsingStorage().WithExamples(
            ("monitor entities", "busiest first"),
            ("monitor entities --format json", "id, kind, name, last24Hours, last7Days"))
        .Does((result, cancellationToken) => RunAsync(context, result.GetValue(format)!, cancellationToken));
    }

    private static async Task<int> RunAsync(CliContext context, string format, CancellationToken cancellationToken)
    {
        await using var services = context.BuildServices();
        var entities = await services.GetRequiredService<EntityStatistics>().ListAsync(cancellationToken);
        if (format == "json")
        {
            await context.Output.WriteLineAsync(ControlCharacters.Reveal(JsonSerializer.Serialize(entities, JsonDefaults.Options)));
            return 0;
        }

        var width = Math.Max(6, entities.Count == 0 ? 0 : entities.Max(e => e.Id.Length));
        var lines = new List<string> { $"{"ENTITY".PadRight(width)}  {"KIND",-6}  {"24H",5}  {"7D",5}  NAME" };
        lines.AddRange(entities.OrderByDescending(e => e.Last7Days).ThenBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => $"{e.Id.PadRight(width)}  {e.Kind.Name(),-6}  {e.Last24Hours,5}  {e.Last7Days,5}  {ControlCharacters.Reveal(e.Name)}"));
        await context.Output.WriteLineAsync(string.Join(Environment.NewLine, lines));
        return 0;
    }
}
