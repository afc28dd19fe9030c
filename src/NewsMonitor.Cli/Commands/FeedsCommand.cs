using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Configuration;
using NewsMonitor.Storage;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor feeds [--format table|json]</c>: every configured feed with its health from FeedState.</summary>
internal static class FeedsCommand
{
    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(args, ["format"], []);
        var format = line.Value("format") ?? "table";
        if (format is not ("table" or "json"))
        {
            throw new UsageException($"--format: \"{format}\" is not one of table, json");
        }

        await using var services = context.BuildServices();
        var feeds = await services.GetRequiredService<MonitorConfiguration>().GetFeedsAsync(cancellationToken);
        var states = await services.GetRequiredService<FeedStateStore>().GetAllAsync(cancellationToken);
        var rows = feeds.Select(feed =>
        {
            var state = states.GetValueOrDefault(feed.Id);
            var status = state?.LastPolledAt is null ? "never polled" : state.ConsecutiveFailures > 0 ? "failing" : "ok";
            return new
            {
                id = feed.Id,
                url = feed.Url.AbsoluteUri,
                status,
                lastPolledAt = state?.LastPolledAt,
                lastSuccessAt = state?.LastSuccessAt,
                consecutiveFailures = state?.ConsecutiveFailures ?? 0,
                nextPollAt = state?.NextPollAt,
                itemsSeen = state?.ItemsSeen ?? 0,
                lastError = state?.LastError,
            };
        }).ToList();

        if (format == "json")
        {
            await context.Output.WriteLineAsync(JsonSerializer.Serialize(rows, JsonDefaults.Options));
            return 0;
        }

        var idWidth = Math.Max(4, rows.Count == 0 ? 0 : rows.Max(r => r.id.Length));
        var lines = new List<string> { $"{"FEED".PadRight(idWidth)}  {"STATUS",-12}  {"LAST SUCCESS (UTC)",-18}  {"FAILS",5}  {"NEXT POLL (UTC)",-16}  {"ITEMS",6}  LAST ERROR" };
        lines.AddRange(rows.Select(r => $"{r.id.PadRight(idWidth)}  {r.status,-12}  {Time(r.lastSuccessAt),-18}  {r.consecutiveFailures,5}  {Time(r.nextPollAt),-16}  {r.itemsSeen,6}  {r.lastError}"));
        await context.Output.WriteLineAsync(string.Join(Environment.NewLine, lines));
        return 0;
    }

    private static string Time(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
}
