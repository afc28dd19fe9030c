using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Cli.Syntax;
using NewsMonitor.Escaping;
using NewsMonitor.Reading.Search;
using NewsMonitor.Watchlists.Queries;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>monitor search '&lt;query&gt;' [--since 7d] [--feed ID]... [--limit N] [--cursor C] [--format table|json]</c>: every
/// archived article of the window the query matches, matched by the watchlist or not, newest first, with its sentences
/// highlighted; then what was scanned and the command for the next page.
/// </summary>
internal static class SearchCommand
{
    public static MonitorCommand Declare(CliContext context)
    {
        var query = new Argument<string[]>("query") { Description = "One query of the watchlist language, quoted as one argument.", Arity = ArgumentArity.ZeroOrMore };
        var since = CliOptions.Value("--since", "TIME", "Start: a duration back from now (default 7d) or an ISO-8601 time.");
        var feed = CliOptions.Values("--feed", "ID", "Only this feed (repeatable).");
        var limit = CliOptions.Value("--limit", "N", $"Results per page, 1 to {SearchRequest.MaxLimit} (default {SearchRequest.DefaultLimit}).");
        var cursor = CliOptions.Value("--cursor", "C", "The next page: the cursor the previous page printed.");
        var format = CliOptions.Format("table", "json");

        // Core's search parameter → the option that feeds it, so each problem names the flag as the user typed it.
        var parameters = new Dictionary<string, Option>(StringComparer.Ordinal) { ["since"] = since, ["feed"] = feed, ["limit"] = limit, ["cursor"] = cursor };
        return new MonitorCommand("search", "Every archived article the query matches, matched by the watchlist or not, newest first, hits highlighted.")
        {
            query, since, feed, limit, cursor, format,
        }.UsingStorage().WithExamples(
            ("monitor search '\"harbour levy\"'", "a phrase, over the last 7 days"),
            ("monitor search 'title:nkosi OR \"graham nkosi\"' --since 30d --feed wire", "one feed, a month"),
            ("monitor search '@vladimir-putin AND (levy OR tariff*) NOT sport' --format json", "as JSON"))
        .Does((result, cancellationToken) =>
        {
            // Read as zero or more, so two words given unquoted get this message rather than "unknown argument".
            if (result.GetValue(query) is not [var text])
            {
                throw new UsageException("give the query as one argument, quoted: monitor search '\"graham nkosi\" OR @vladimir-putin'");
            }

            var input = new SearchInput { Q = text, Since = result.GetValue(since), Feeds = result.GetValue(feed) ?? [], Limit = result.GetValue(limit), Cursor = result.GetValue(cursor) };
            return RunAsync(context, input, parameter => parameter == "q" ? "query" : result.Typed(parameters[parameter]), result.GetValue(format)!, cancellationToken);
        });
    }

    private static async Task<int> RunAsync(CliContext context, SearchInput input, Func<string, string> flagOf, string format, CancellationToken cancellationToken)
    {
        await using var services = context.BuildServices();
        var request = SearchRequest.Parse(input, services.GetRequiredService<TimeProvider>().GetUtcNow(), out var problems, flagOf);
        if (problems.Count > 0)
        {
            throw new UsageException(problems);
        }

        SearchPage page;
        try
        {
            page = await services.GetRequiredService<ArchiveSearch>().SearchAsync(request, cancellationToken);
        }
        catch (QuerySyntaxException ex)
        {
            throw new UsageException($"query {SearchQuery.Describe(request.Query, ex)}");
        }

        await context.Output.WriteLineAsync(format == "json"
            ? ControlCharacters.Reveal(JsonSerializer.Serialize(page, JsonDefaults.Options))
            : Table(page, request, SnippetText.UseColor(context)));
        return 0;
    }

    internal static string Table(SearchPage page, SearchRequest request, bool color)
    {
        var text = new StringBuilder();
        if (page.Items.Count == 0)
        {
            text.AppendLine(request.Cursor is null ? "No archived article matches in this period." : "No more archived articles match.");
        }

        foreach (var hit in page.Items)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{hit.DiscoveredAt.UtcDateTime:yyyy-MM-dd HH:mm}  {ControlCharacters.Reveal(hit.FeedId)}  {ControlCharacters.Reveal(hit.Title)}")
                .AppendLine(CultureInfo.InvariantCulture, $"  {hit.Url}  ·  {hit.ArticleId}  ·  {hit.Mentions} hit(s)");
            foreach (var snippet in hit.Snippets)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {snippet.Field.ToString().ToLowerInvariant()}: {SnippetText.Render(snippet, color)}");
            }

            text.AppendLine();
        }

        text.AppendLine(Scanned(page));
        if (page.NextCursor is not null)
        {
            var since = request.From.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var feeds = string.Concat(request.Feeds.Select(f => $" --feed {f}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"next page: monitor search {ControlCharacters.Reveal(SnippetText.ShellQuote(page.Query))} --since {since}{feeds} --limit {request.Limit} --cursor {page.NextCursor}");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>What the scan read: the line that tells a reader whether "nothing found" covered the whole window.</summary>
    internal static string Scanned(SearchPage page)
    {
        var scan = page.Scan;
        var window = scan.Complete ? string.Create(CultureInfo.InvariantCulture, $"the whole window since {page.From.UtcDateTime:yyyy-MM-dd HH:mm} UTC") : "stopped once the page was full";
        return string.Create(CultureInfo.InvariantCulture, $"{page.Items.Count} result(s); scanned {scan.Blocks} block(s), {scan.Articles:N0} article(s), {scan.TextMegabytes:0.0} MB of text in {scan.Seconds:0.00} s; {window}.");
    }
}
