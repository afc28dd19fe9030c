using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Cli.Syntax;
using NewsMonitor.Escaping;
using NewsMonitor.Reading;
using NewsMonitor.Reading.Search;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>monitor backtest --watchlist proposed.json [--since 30d] [--format table|json]</c>: what a proposed watchlist would
/// match over the archive compared with the live one, per entity, with examples; nothing is written.
/// </summary>
internal static class BacktestCommand
{
    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(30);

    public static MonitorCommand Declare(CliContext context)
    {
        var watchlist = CliOptions.Value("--watchlist", "FILE", "The proposed watchlist (required).");
        var since = CliOptions.Value("--since", "TIME", "Start: a duration back from now (default 30d) or an ISO-8601 time.");
        var format = CliOptions.Format("table", "json");
        return new MonitorCommand("backtest", "A proposed watchlist against the live one over the archive: gains and losses per entity, with examples; writes nothing.")
        {
            watchlist, since, format,
        }.UsingStorage().WithExamples(
            ("monitor backtest --watchlist proposed.json", "the last 30 days"),
            ("monitor backtest --watchlist proposed.json --since 2026-11-01 --format json", "from a date, as JSON"))
        .Does((result, cancellationToken) => RunAsync(context, result.GetValue(watchlist), result.GetValue(since), result.GetValue(format)!, cancellationToken));
    }

    private static async Task<int> RunAsync(CliContext context, string? watchlist, string? since, string format, CancellationToken cancellationToken)
    {
        var path = watchlist ?? throw new UsageException("--watchlist FILE is required: the proposed watchlist to compare with the live one");
        await using var services = context.BuildServices();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var from = now - DefaultPeriod;
        if (since is not null && !TimeExpression.TryParse(since, now, out from))
        {
            throw new UsageException($"--since: \"{since}\" is not an ISO-8601 time or a duration like 30d");
        }

        // Loaded exactly as the live watchlist is, so it fails with the same messages `config push` would give.
        var proposed = WatchlistLoader.Parse(await File.ReadAllBytesAsync(path, cancellationToken), path);
        var report = await services.GetRequiredService<Backtest>().RunAsync(proposed, from, now, cancellationToken);
        await context.Output.WriteLineAsync(format == "json"
            ? ControlCharacters.Reveal(JsonSerializer.Serialize(report, JsonDefaults.Options))
            : Table(report, path, SnippetText.UseColor(context)));
        return 0;
    }

    internal static string Table(BacktestReport report, string path, bool color)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{ControlCharacters.Reveal(path)} (version {report.ProposedVersion}) against the live watchlist (version {report.LiveVersion}), {report.From.UtcDateTime:yyyy-MM-dd HH:mm} to {report.To.UtcDateTime:yyyy-MM-dd HH:mm} UTC")
            .AppendLine();
        var width = Math.Min(Math.Max(6, report.Entities.Select(e => e.Id.Length).DefaultIfEmpty(0).Max()), 40);
        text.AppendLine(CultureInfo.InvariantCulture, $"{"ENTITY".PadRight(width)}  {"KIND",-6}  {"STATUS",-9}  {"LIVE",6}  {"PROPOSED",8}  {"GAINED",6}  {"LOST",6}");
        foreach (var entity in report.Entities)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{entity.Id.PadRight(width)}  {Lower(entity.Kind),-6}  {Lower(entity.Status),-9}  {entity.Live,6}  {entity.Proposed,8}  {"+" + entity.Gained,6}  {"-" + entity.Lost,6}");
        }

        foreach (var entity in report.Entities.Where(e => e.Gained + e.Lost > 0))
        {
            Examples(text, entity.Id, "gains", entity.Gained, entity.GainedExamples, color);
            Examples(text, entity.Id, "loses", entity.Lost, entity.LostExamples, color);
        }

        var scan = report.Scan;
        return text.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{report.Gained} match(es) gained, {report.Lost} lost; scanned {scan.Blocks} block(s), {scan.Articles:N0} article(s), {scan.TextMegabytes:0.0} MB of text in {scan.Seconds:0.00} s. Nothing was written.")
            .ToString().TrimEnd();
    }

    private static void Examples(StringBuilder text, string id, string verb, int count, IReadOnlyList<BacktestExample> examples, bool color)
    {
        if (count == 0)
        {
            return;
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{id} {verb} {count}, for example:");
        foreach (var example in examples)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {example.DiscoveredAt.UtcDateTime:yyyy-MM-dd HH:mm}  {ControlCharacters.Reveal(example.FeedId)}  {ControlCharacters.Reveal(example.Title)}")
                .AppendLine(CultureInfo.InvariantCulture, $"    {example.Url}");
            if (example.Snippet is { } snippet)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {Lower(snippet.Field)}: {SnippetText.Render(snippet, color)}");
            }
        }
    }

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
