using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Escaping;
using NewsMonitor.Reading;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>monitor matches [--entity ID]... [--all] [--kind K]... [--feed ID]... [--category NAME]... [--since 7d] [--until TIME] [--min-score S]
/// [--q WORDS] [--review relevant|dismissed|starred|unreviewed|any] [--sort time|score] [--limit N] [--continuation TOKEN]
/// [--format table|json|csv]</c>: reads the match index; dismissed matches only when asked for.
/// </summary>
internal static class MatchesCommand
{
    private static readonly Dictionary<string, string> FlagOfParameter = new(StringComparer.Ordinal)
    {
        ["entity"] = "--entity", ["all"] = "--all", ["kind"] = "--kind", ["feed"] = "--feed", ["category"] = "--category", ["from"] = "--since", ["to"] = "--until",
        ["minScore"] = "--min-score", ["q"] = "--q", ["limit"] = "--limit", ["continuation"] = "--continuation", ["sort"] = "--sort",
        ["review"] = "--review",
    };

    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(args, ["entity", "kind", "feed", "category", "since", "until", "min-score", "q", "sort", "limit", "continuation", "format", "review"], ["all"]);
        var format = line.Format("table", "json", "csv");

        await using var services = context.BuildServices();
        var input = new MatchQueryInput
        {
            Entities = line.Values("entity"),
            All = line.Has("all") ? "true" : null,
            Kinds = line.Values("kind"),
            Feeds = line.Values("feed"),
            Categories = line.Values("category"),
            From = line.Value("since") ?? "7d",
            To = line.Value("until"),
            MinScore = line.Value("min-score"),
            Words = line.Value("q"),
            Limit = line.Value("limit"),
            Continuation = line.Value("continuation"),
            Sort = line.Value("sort"),
            Review = line.Value("review"),
        };
        var query = MatchQuery.Parse(input, services.GetRequiredService<TimeProvider>().GetUtcNow(), out var problems);
        if (problems.Count > 0)
        {
            throw new UsageException(string.Join("; ", problems.Select(ForCli)));
        }

        var finder = services.GetRequiredService<MatchFinder>();
        if (await finder.UnknownNamesAsync(query, cancellationToken) is { Count: > 0 } unknown)
        {
            throw new UsageException(string.Join(Environment.NewLine, unknown.Select(ForCli)));
        }

        var page = await finder.FindAsync(query, cancellationToken);
        var output = format switch
        {
            "json" => ControlCharacters.Reveal(JsonSerializer.Serialize(page.Items, JsonDefaults.Options)),
            "csv" => Csv(page.Items),
            _ => Table(page.Items),
        };
        await context.Output.WriteLineAsync(output);
        if (page.Continuation is not null)
        {
            await context.Error.WriteLineAsync($"more: --continuation {page.Continuation}");
        }

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
            Published: i.Published?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-",
            Score: i.Entities.Max(e => e.Score).ToString("0.00", CultureInfo.InvariantCulture),
            Entities: string.Join(", ", i.Entities.Select(e => e.Id)),
            Title: ControlCharacters.Reveal(i.Title),
            Id: i.ArticleId,
            Review: (i.Review?.State ?? string.Empty) + (i.Review?.Starred == true ? "*" : string.Empty))).ToList();
        var entityWidth = Math.Min(Math.Max(8, rows.Max(r => r.Entities.Length)), 60);
        var lines = new List<string> { $"{"MATCHED (UTC)",-16}  {"PUBLISHED (UTC)",-16}  {"SCORE",5}  {"REVIEW",-10}  {"ENTITIES".PadRight(entityWidth)}  {"ARTICLE",-32}  TITLE" };
        lines.AddRange(rows.Select(r => $"{r.When,-16}  {r.Published,-16}  {r.Score,5}  {r.Review,-10}  {Fit(r.Entities, entityWidth)}  {r.Id,-32}  {r.Title}"));
        lines.Add($"{items.Count} matched article(s)");
        return string.Join(Environment.NewLine, lines);
    }

    internal static string Csv(IReadOnlyList<MatchSummary> items)
    {
        var csv = new StringBuilder("matchedAt,articleId,score,entities,feed,published,title,url\n");
        foreach (var item in items)
        {
            csv.AppendJoin(',', [
                item.MatchedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                item.ArticleId,
                item.Entities.Max(e => e.Score).ToString("0.000", CultureInfo.InvariantCulture),
                Quote(string.Join(' ', item.Entities.Select(e => e.Id))),
                Quote(item.FeedId),
                item.Published?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty,
                Quote(item.Title),
                Quote(item.Url)]).Append('\n');
        }

        return csv.ToString().TrimEnd('\n');
    }

    // RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet does not run a headline as a formula.
    private static string Quote(string value)
    {
        value = ControlCharacters.Reveal(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static string ForCli(string problem)
    {
        var colon = problem.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && FlagOfParameter.TryGetValue(problem[..colon], out var flag) ? flag + problem[colon..] : problem;
    }

    private static string Fit(string text, int width) => text.Length <= width ? text.PadRight(width) : text[..(width - 1)] + "…";
}
