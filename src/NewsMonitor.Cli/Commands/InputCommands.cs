using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Articles;
using NewsMonitor.Cli.Syntax;
using NewsMonitor.Configuration;
using NewsMonitor.Escaping;
using NewsMonitor.Feeds;
using NewsMonitor.Http;
using NewsMonitor.Matching;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>monitor check</c>, <c>extract</c> and <c>feed</c>: run one stage of the pipeline on files or URLs and print the
/// result, one JSON object per input with <c>--json</c>. A failing input prints its error and makes the exit code 1.
/// </summary>
internal static class InputCommands
{
    /// <summary>What every input command takes: the inputs, --json and --allow-private.</summary>
    private sealed record Inputs(Argument<string[]> Sources, Option<bool> Json, Option<bool> AllowPrivate);

    /// <summary>What one input's handler is told: the input, and whether JSON and explanations were asked for.</summary>
    private sealed record Request(string Input, bool Json, bool Explain);

    public static MonitorCommand DeclareCheck(CliContext context)
    {
        var watchlist = CliOptions.Value("--watchlist", "PATH", "Match with this watchlist file instead of the configured one.");
        var explain = CliOptions.Switch("--explain", "Add each topic's and alert's query as a tree of clauses with what each found.");
        var inputs = DeclareInputs();
        return new MonitorCommand("check", "Match files or URLs against the watchlist: entities, counts, scores, every mention with its snippet.")
        {
            inputs.Sources, watchlist, explain, inputs.Json, inputs.AllowPrivate,
        }.WithExamples(
            ("monitor check seeds/demo/articles/trump-putin-ally.html", "entities and mentions of one page"),
            ("monitor check story.txt https://example.org/story --json", "one JSON object per input per line"),
            ("monitor check story.html --watchlist proposed.json --explain", "why a proposed watchlist does or does not match"))
        .Does((result, cancellationToken) => RunAsync(context, result, inputs, result.GetValue(watchlist), result.GetValue(explain), CheckAsync, cancellationToken));
    }

    public static MonitorCommand DeclareExtract(CliContext context)
    {
        var inputs = DeclareInputs();
        return new MonitorCommand("extract", "Print the main text of pages, files or URLs as the pipeline extracts it.")
        {
            inputs.Sources, inputs.Json, inputs.AllowPrivate,
        }.WithExamples(
            ("monitor extract seeds/demo/articles/trump-putin-ally.html", "title and main text"),
            ("monitor extract https://example.org/story --json", "{\"source\",\"title\",\"text\"}"))
        .Does((result, cancellationToken) => RunAsync(context, result, inputs, null, false, ExtractAsync, cancellationToken));
    }

    public static MonitorCommand DeclareFeed(CliContext context)
    {
        var inputs = DeclareInputs();
        return new MonitorCommand("feed", "Parse RSS/Atom feeds from files or URLs and list their items.")
        {
            inputs.Sources, inputs.Json, inputs.AllowPrivate,
        }.WithExamples(
            ("monitor feed seeds/demo/feed.xml", "format, title and items"),
            ("monitor feed https://example.org/rss --json", "{\"source\",\"format\",\"title\",\"items\"}"))
        .Does((result, cancellationToken) => RunAsync(context, result, inputs, null, false, FeedAsync, cancellationToken));
    }

    private static Inputs DeclareInputs() => new(
        new Argument<string[]>("file-or-url") { Description = "Files (.html/.htm pages, other files plain text with the title first) or http(s) URLs.", Arity = ArgumentArity.OneOrMore },
        CliOptions.Switch("--json", "One JSON object per input per line."),
        CliOptions.Switch("--allow-private", "Allow URLs on private and loopback addresses."));

    private static async Task<string> CheckAsync(IServiceProvider services, Request request, CancellationToken ct)
    {
        var input = request.Input;
        var matcher = await services.GetRequiredService<MonitorConfiguration>().GetMatcherAsync(ct);
        var article = await services.GetRequiredService<ArticleSource>().ReadAsync(input, ct);
        var result = matcher.Match(article);
        var explain = request.Explain ? matcher.Explain(article) : null;
        if (request.Json)
        {
            return explain is null
                ? Line(JsonSerializer.Serialize(new { source = input, title = article.Title, entities = result.Entities, mentions = result.Mentions }, JsonDefaults.Options))
                : Line(JsonSerializer.Serialize(new { source = input, title = article.Title, entities = result.Entities, mentions = result.Mentions, explain }, JsonDefaults.Options));
        }

        var lines = new List<string> { $"{input}: {Line(article.Title)}" };
        lines.AddRange(result.Entities.Count == 0
            ? ["  no tracked entity"]
            : result.Entities.Select(e => string.Create(CultureInfo.InvariantCulture, $"  {e.Id,-28} {Kind(e.Kind),-7} {e.Count,4}× score {e.Score:0.000}")));
        lines.AddRange(result.Mentions.Select(m => $"    {m.EntityId} [{Kind(m.Field)} {m.Start}+{m.Length}] \"{Line(m.Term)}\": {Line(m.Snippet)}"));
        foreach (var query in explain ?? [])
        {
            lines.Add($"  {query.EntityId} ({Kind(query.Kind)}) {(query.Matched ? "matched" : "did not match")}: {query.Query}");
            AppendClause(lines, query.Clause, "    ");
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static void AppendClause(List<string> lines, ClauseExplanation clause, string indent)
    {
        var hits = clause.Hits > 0 ? $"  ×{clause.Hits}" : string.Empty;
        lines.Add($"{indent}{(clause.Matched ? "✓" : "✗")} {clause.Clause}{hits}");
        foreach (var child in clause.Clauses)
        {
            AppendClause(lines, child, indent + "  ");
        }
    }

    private static async Task<string> ExtractAsync(IServiceProvider services, Request request, CancellationToken ct)
    {
        var input = request.Input;
        var article = await services.GetRequiredService<ArticleSource>().ReadAsync(input, ct);
        return request.Json
            ? Line(JsonSerializer.Serialize(new { source = input, title = article.Title, text = article.Body }, JsonDefaults.Options))
            : $"# {Line(article.Title)}{Environment.NewLine}{Environment.NewLine}{ControlCharacters.Reveal(article.Body, keepLineBreaks: true)}";
    }

    private static async Task<string> FeedAsync(IServiceProvider services, Request request, CancellationToken ct)
    {
        var input = request.Input;
        byte[] bytes;
        Uri baseUrl;
        string? charset = null;
        if (Uri.TryCreate(input, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            var response = await services.GetRequiredService<HttpFetcher>().GetAsync(HttpClientNames.Feeds, url, null, null, ct);
            (bytes, baseUrl, charset) = (response.Body, response.FinalUrl, response.Charset);
        }
        else
        {
            bytes = await File.ReadAllBytesAsync(input, ct);
            baseUrl = new Uri(Path.GetFullPath(input));
        }

        var feed = FeedParser.Parse(bytes, baseUrl, charset);
        var items = feed.Items.Select(i => new { id = i.Id, title = i.Title, link = i.Link?.AbsoluteUri, published = i.Published }).ToList();
        if (request.Json)
        {
            return Line(JsonSerializer.Serialize(new { source = input, format = feed.Format, title = feed.Title, items }, JsonDefaults.Options));
        }

        var lines = new List<string> { $"{input}: {feed.Format}, \"{Line(feed.Title)}\", {items.Count} items" };
        lines.AddRange(items.Select(i => $"  {i.published?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "(no date)",-16}  {Line(i.title)}  <{i.link}>"));
        return string.Join(Environment.NewLine, lines);
    }

    private static async Task<int> RunAsync(
        CliContext context,
        ParseResult result,
        Inputs inputs,
        string? watchlist,
        bool explain,
        Func<IServiceProvider, Request, CancellationToken, Task<string>> handle,
        CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>();
        if (watchlist is not null)
        {
            settings[$"{MonitorOptions.SectionName}:{nameof(MonitorOptions.WatchlistPath)}"] = watchlist;
        }

        if (result.GetValue(inputs.AllowPrivate))
        {
            settings[$"{OutboundHttpOptions.SectionName}:{nameof(OutboundHttpOptions.AllowPrivateNetworks)}"] = "true";
        }

        await using var services = context.BuildServices(settings);
        var json = result.GetValue(inputs.Json);
        var failed = 0;
        foreach (var input in result.GetValue(inputs.Sources) ?? [])
        {
            try
            {
                await context.Output.WriteLineAsync(await handle(services, new Request(input, json, explain), cancellationToken));
            }
            catch (WatchlistException ex)
            {
                // The watchlist is shared by every input: report it once and stop.
                await context.Error.WriteLineAsync(ex.Message);
                return 1;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or HttpRequestException or FeedParseException or InvalidDataException)
            {
                failed++;
                var message = ex is FileNotFoundException or DirectoryNotFoundException ? $"{input}: no such file" : ex.Message;
                if (json)
                {
                    await context.Output.WriteLineAsync(Line(JsonSerializer.Serialize(new { source = input, error = message }, JsonDefaults.Options)));
                }
                else
                {
                    await context.Error.WriteLineAsync($"{input}: {Line(message)}");
                }
            }
        }

        return failed == 0 ? 0 : 1;
    }

    private static string Line(string? text) => ControlCharacters.Reveal(text ?? string.Empty);

    private static string Kind<T>(T value) where T : Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
