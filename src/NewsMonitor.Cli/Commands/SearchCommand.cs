using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
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
    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(args, ["since", "feed", "limit", "cursor", "format"], []);
        var format = line.Format("table", "json");
        if (line.Positionals.Count != 1)
        {
            throw new UsageException("give the query as one argument, quoted: monitor search '\"graham nkosi\" OR @vladimir-putin'");
        }

        await using var services = context.BuildServices();
        var input = new SearchInput { Q = line.Positionals[0], Since = line.Value("since"), Feeds = line.Values("feed"), Limit = line.Value("limit"), Cursor = line.Value("cursor") };
        var request = SearchRequest.Parse(input, services.GetRequiredService<TimeProvider>().GetUtcNow(), out var problems);
        if (problems.Count > 0)
        {
            throw new UsageException(string.Join("; ", problems.Select(p => p.StartsWith("q:", StringComparison.Ordinal) ? "query" + p[1..] : "--" + p)));
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
