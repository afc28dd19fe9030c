using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Pipeline;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor matches [--entity ID]... [--since 7d] [--until TIME] [--limit N] [--format table|json]</c>: reads the match index.</summary>
internal static class MatchesCommand
{
    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(args, ["entity", "since", "until", "limit", "format"], []);
        var format = line.Value("format") ?? "table";
        if (format is not ("table" or "json"))
        {
            throw new UsageException($"--format: \"{format}\" is not one of table, json");
        }

        await using var services = context.BuildServices();
        var query = MatchQuery.Parse(line.Values("entity"), line.Value("since") ?? "7d", line.Value("until"), line.Value("limit"), services.GetRequiredService<TimeProvider>().GetUtcNow(), out var problems);
        if (problems.Count > 0)
        {
            throw new UsageException(string.Join("; ", problems.Select(p => p.Replace("from:", "--since:", StringComparison.Ordinal).Replace("to:", "--until:", StringComparison.Ordinal).Replace("entity:", "--entity:", StringComparison.Ordinal).Replace("limit:", "--limit:", StringComparison.Ordinal))));
        }

        var items = await services.GetRequiredService<MatchFinder>().FindAsync(query, cancellationToken);
        if (format == "json")
        {
            await context.Output.WriteLineAsync(JsonSerializer.Serialize(items, JsonDefaults.Options));
            return 0;
        }

        await context.Output.WriteLineAsync(Table(items));
        return 0;
    }

    public static string Table(IReadOnlyList<MatchSummary> items)
    {
        if (items.Count == 0)
        {
            return "No matches in this period.";
        }

        var rows = items.Select(i => (
            When: i.MatchedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            Score: i.Entities.Max(e => e.Score).ToString("0.00", CultureInfo.InvariantCulture),
            Entities: string.Join(", ", i.Entities.Select(e => e.Id)),
            Title: i.Title,
            Id: i.ArticleId)).ToList();
        var entityWidth = Math.Min(Math.Max(8, rows.Max(r => r.Entities.Length)), 60);
        var lines = new List<string> { $"{"MATCHED (UTC)",-16}  {"SCORE",5}  {"ENTITIES".PadRight(entityWidth)}  {"ARTICLE",-32}  TITLE" };
        lines.AddRange(rows.Select(r => $"{r.When,-16}  {r.Score,5}  {Fit(r.Entities, entityWidth)}  {r.Id,-32}  {r.Title}"));
        lines.Add($"{items.Count} matched article(s)");
        return string.Join(Environment.NewLine, lines);
    }

    private static string Fit(string text, int width) => text.Length <= width ? text.PadRight(width) : text[..(width - 1)] + "…";
}
