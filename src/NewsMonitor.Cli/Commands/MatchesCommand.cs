using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Cli.Syntax;
using NewsMonitor.Escaping;
using NewsMonitor.Reading;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>monitor matches</c>: reads the match index, newest first (or strongest first); dismissed matches only when asked for.
/// The options are the HTTP API's query parameters under CLI names; Core's problems name the flag through <c>parameters</c>.
/// </summary>
internal static class MatchesCommand
{
    public static MonitorCommand Declare(CliContext context)
    {
        var entity = CliOptions.Values("--entity", "ID", "An entity of the watchlist (repeatable); none: every entity.");
        var all = CliOptions.Switch("--all", "Only articles naming every --entity given (at least two).");
        var kind = CliOptions.Values("--kind", "KIND", "figure, topic or alert (repeatable).");
        var feed = CliOptions.Values("--feed", "ID", "A feed id of feeds.json (repeatable).");
        var category = CliOptions.Values("--category", "NAME", "A feed category of feeds.json, its subfolders included (repeatable).");
        var since = CliOptions.Value("--since", "TIME", "Start: a duration back from now (7d, 12h) or an ISO-8601 time.");
        since.DefaultValueFactory = _ => "7d";
        var until = CliOptions.Value("--until", "TIME", "End, as --since; default now.");
        var minScore = CliOptions.Value("--min-score", "S", "Leave out matches scoring below S (0 to 1).");
        var words = CliOptions.Value("--q", "WORDS", "Words that must all be in the title or the snippet.");
        var review = CliOptions.Value("--review", "STATE", "relevant, dismissed, starred, unreviewed or any; default: all but dismissed.");
        review.CompletionSources.Add("relevant", "dismissed", "starred", "unreviewed", "any");
        var sort = CliOptions.Value("--sort", "time|score", "Newest first (time, the default) or strongest first (score).");
        sort.CompletionSources.Add("time", "score");
        var limit = CliOptions.Value("--limit", "N", $"Matches per page, 1 to {MatchQuery.MaxLimit} (default {MatchQuery.DefaultLimit}).");
        var continuation = CliOptions.Value("--continuation", "TOKEN", "The next page: the token the previous page printed on stderr.");
        var format = CliOptions.Format("table", "json", "csv");

        // Core's query parameter → the option that feeds it, so each problem names the flag as the user typed it.
        var parameters = new Dictionary<string, Option>(StringComparer.Ordinal)
        {
            ["entity"] = entity, ["all"] = all, ["kind"] = kind, ["feed"] = feed, ["category"] = category, ["from"] = since, ["to"] = until, ["minScore"] = minScore,
            ["q"] = words, ["review"] = review, ["sort"] = sort, ["limit"] = limit, ["continuation"] = continuation,
        };
        return new MonitorCommand("matches", "Matched articles from the index, newest first; dismissed ones left out unless asked for.")
        {
            entity, all, kind, feed, category, since, until, minScore, words, review, sort, limit, continuation, format,
        }.UsingStorage().WithExamples(
            ("monitor matches --entity vladimir-putin --since 7d", "one entity's matches of the last week"),
            ("monitor matches --entity donald-trump --entity vladimir-putin --all", "articles naming both"),
            ("monitor matches --review starred --format csv", "starred matches as CSV"),
            ("monitor matches --category News/World", "matches from the feeds in that folder and below"),
            ("monitor matches --sort score --min-score 0.5 --limit 20", "the strongest of the week"))
        .Does((result, cancellationToken) =>
        {
            var input = new MatchQueryInput
            {
                Entities = result.GetValue(entity) ?? [],
                All = result.GetValue(all) ? "true" : null,
                Kinds = result.GetValue(kind) ?? [],
                Feeds = result.GetValue(feed) ?? [],
                Categories = result.GetValue(category) ?? [],
                From = result.GetValue(since),
                To = result.GetValue(until),
                MinScore = result.GetValue(minScore),
                Words = result.GetValue(words),
                Limit = result.GetValue(limit),
                Continuation = result.GetValue(continuation),
                Sort = result.GetValue(sort),
                Review = result.GetValue(review),
            };
            return RunAsync(context, input, parameter => result.Typed(parameters[parameter]), result.GetValue(format)!, cancellationToken);
        });
    }

    private static async Task<int> RunAsync(CliContext context, MatchQueryInput input, Func<string, string> flagOf, string format, CancellationToken cancellationToken)
    {
        await using var services = context.BuildServices();
        var query = MatchQuery.Parse(input, services.GetRequiredService<TimeProvider>().GetUtcNow(), out var problems, flagOf);
        if (problems.Count > 0)
        {
            throw new UsageException(problems);
        }

        var finder = services.GetRequiredService<MatchFinder>();
        if (await finder.UnknownNamesAsync(query, flagOf, cancellationToken) is { Count: > 0 } unknown)
        {
            throw new UsageException(unknown);
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

    private static string Fit(string text, int width) => text.Length <= width ? text.PadRight(width) : text[..(width - 1)] + "…";
}
