using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Articles;
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
    public static Task<int> CheckAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
        => RunAsync(context, args, ["watchlist"], ["explain"], async (services, input, line, ct) =>
        {
            var matcher = await services.GetRequiredService<MonitorConfiguration>().GetMatcherAsync(ct);
            var article = await services.GetRequiredService<ArticleSource>().ReadAsync(input, ct);
            var result = matcher.Match(article);
            var explain = line.Has("explain") ? matcher.Explain(article) : null;
            if (line.Has("json"))
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
        }, cancellationToken);

    private static void AppendClause(List<string> lines, ClauseExplanation clause, string indent)
    {
        var hits = clause.Hits > 0 ? $"  ×{clause.Hits}" : string.Empty;
        lines.Add($"{indent}{(clause.Matched ? "✓" : "✗")} {clause.Clause}{hits}");
        foreach (var child in clause.Clauses)
        {
            AppendClause(lines, child, indent + "  ");
        }
    }

    public static Task<int> ExtractAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
        => RunAsync(context, args, [], [], async (services, input, line, ct) =>
        {
            var article = await services.GetRequiredService<ArticleSource>().ReadAsync(input, ct);
            return line.Has("json")
                ? Line(JsonSerializer.Serialize(new { source = input, title = article.Title, text = article.Body }, JsonDefaults.Options))
                : $"# {Line(article.Title)}{Environment.NewLine}{Environment.NewLine}{ControlCharacters.Reveal(article.Body, keepLineBreaks: true)}";
        }, cancellationToken);

    public static Task<int> FeedAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
        => RunAsync(context, args, [], [], async (services, input, line, ct) =>
        {
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
            if (line.Has("json"))
            {
                return Line(JsonSerializer.Serialize(new { source = input, format = feed.Format, title = feed.Title, items }, JsonDefaults.Options));
            }

            var lines = new List<string> { $"{input}: {feed.Format}, \"{Line(feed.Title)}\", {items.Count} items" };
            lines.AddRange(items.Select(i => $"  {i.published?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "(no date)",-16}  {Line(i.title)}  <{i.link}>"));
            return string.Join(Environment.NewLine, lines);
        }, cancellationToken);

    private static async Task<int> RunAsync(
        CliContext context,
        IReadOnlyList<string> args,
        string[] extraOptions,
        string[] extraFlags,
        Func<IServiceProvider, string, CommandLine, CancellationToken, Task<string>> handle,
        CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(args, extraOptions, ["json", "allow-private", .. extraFlags]);
        if (line.Positionals.Count == 0)
        {
            throw new UsageException("give at least one file or http(s) URL");
        }

        var settings = new Dictionary<string, string?>();
        if (line.Value("watchlist") is { } watchlist)
        {
            settings[$"{MonitorOptions.SectionName}:{nameof(MonitorOptions.WatchlistPath)}"] = watchlist;
        }

        if (line.Has("allow-private"))
        {
            settings[$"{OutboundHttpOptions.SectionName}:{nameof(OutboundHttpOptions.AllowPrivateNetworks)}"] = "true";
        }

        await using var services = context.BuildServices(settings);
        var json = line.Has("json");
        var failed = 0;
        foreach (var input in line.Positionals)
        {
            try
            {
                await context.Output.WriteLineAsync(await handle(services, input, line, cancellationToken));
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
