using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Cli.Syntax;
using NewsMonitor.Escaping;
using NewsMonitor.Reading.Volume;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>monitor volume &lt;entity&gt; [--since 14d] [--until TIME] [--bucket hour|day] [--format chart|table|json|csv]</c>:
/// an entity's matched articles per UTC day (a bar each) or per UTC hour (a sparkline per day), from the hour counts
/// kept as matches are written.
/// </summary>
internal static class VolumeCommand
{
    private const int BarWidth = 40;
    private const string Levels = "▁▂▃▄▅▆▇█";

    public static MonitorCommand Declare(CliContext context)
    {
        var entity = new Argument<string>("entity") { Description = "An entity id of the watchlist (monitor entities lists them)." };
        var since = CliOptions.Value("--since", "TIME", "Start: a duration back from now or an ISO-8601 time.");
        since.DefaultValueFactory = _ => "14d";
        var until = CliOptions.Value("--until", "TIME", "End, as --since; default now.");
        var bucket = CliOptions.Value("--bucket", "day|hour", "Count per UTC day (default) or per UTC hour.");
        bucket.CompletionSources.Add("day", "hour");
        var format = CliOptions.Format("chart", "table", "json", "csv");
        return new MonitorCommand("volume", "An entity's matched articles per UTC day (a bar each) or per UTC hour (a sparkline per day).")
        {
            entity, since, until, bucket, format,
        }.UsingStorage().WithExamples(
            ("monitor volume vladimir-putin --since 14d", "a bar per day"),
            ("monitor volume vladimir-putin --bucket hour --since 3d --format csv", "start,count per hour"))
        .Does((result, cancellationToken) =>
        {
            var names = (result.Typed(since), result.Typed(until), result.Typed(bucket));
            return RunAsync(context, result.GetValue(entity)!, (result.GetValue(since), result.GetValue(until), result.GetValue(bucket)), names, result.GetValue(format)!, cancellationToken);
        });
    }

    private static async Task<int> RunAsync(
        CliContext context,
        string entityId,
        (string? Since, string? Until, string? Bucket) period,
        (string Since, string Until, string Bucket) flags,
        string format,
        CancellationToken cancellationToken)
    {
        await using var services = context.BuildServices();
        var problems = new List<string>();
        var request = VolumeRequest.Parse(period.Since, period.Until, period.Bucket, services.GetRequiredService<TimeProvider>().GetUtcNow(), flags, problems)
            ?? throw new UsageException(problems);
        var series = await services.GetRequiredService<VolumeReader>().ReadAsync(entityId, request, cancellationToken);
        if (series is null)
        {
            await context.Error.WriteLineAsync($"monitor volume: {ControlCharacters.Reveal(VolumeReader.UnknownEntity("entity", entityId))}; monitor entities lists them");
            return 1;
        }

        var output = format switch
        {
            "json" => ControlCharacters.Reveal(JsonSerializer.Serialize(series, JsonDefaults.Options)),
            "csv" => Csv(series),
            "table" => Table(series),
            _ => series.Bucket == VolumeBucketSize.Day ? Bars(series) : Sparklines(series),
        };
        await context.Output.WriteLineAsync(output);
        return 0;
    }

    internal static string Csv(VolumeSeries series)
    {
        var csv = new StringBuilder("start,count\n");
        foreach (var bucket in series.Buckets)
        {
            csv.Append(Time(bucket.Start, "yyyy-MM-dd'T'HH:mm:ss'Z'")).Append(',').Append(bucket.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return csv.ToString().TrimEnd('\n');
    }

    private static string Table(VolumeSeries series)
    {
        var lines = new List<string> { $"{"START (UTC)",-16}  {"COUNT",6}" };
        lines.AddRange(series.Buckets.Select(b => $"{Time(b.Start, "yyyy-MM-dd HH:mm"),-16}  {b.Count,6}"));
        lines.Add($"{series.Total} matched article(s)");
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>One bar per UTC day, scaled to the busiest day.</summary>
    private static string Bars(VolumeSeries series)
    {
        var max = Math.Max(1, series.Buckets.Max(b => b.Count));
        var lines = new List<string> { Heading(series, "day") };
        lines.AddRange(series.Buckets.Select(b => $"{Time(b.Start, "yyyy-MM-dd ddd")}  {Bar(b.Count, max),-BarWidth}  {b.Count,6}"));
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>One row per UTC day, one character per hour from 00 to 23, scaled to the busiest hour; · is an hour without a match.</summary>
    private static string Sparklines(VolumeSeries series)
    {
        var max = Math.Max(1, series.Buckets.Max(b => b.Count));
        var lines = new List<string> { Heading(series, "hour"), $"{string.Empty,-14}  {"0     6     12    18",-24}  {"TOTAL",6}  PEAK (UTC)" };
        foreach (var day in series.Buckets.GroupBy(b => b.Start.UtcDateTime.Date))
        {
            var hours = new string(' ', day.First().Start.Hour) + string.Concat(day.Select(b => b.Count == 0 ? '·' : Levels[Math.Min(Levels.Length - 1, (b.Count * Levels.Length - 1) / max)]));
            var peak = day.OrderByDescending(b => b.Count).ThenBy(b => b.Start).First();
            var peakText = peak.Count == 0 ? string.Empty : $"{peak.Count} at {Time(peak.Start, "HH:mm")}";
            lines.Add($"{day.Key.ToString("yyyy-MM-dd ddd", CultureInfo.InvariantCulture),-14}  {hours,-24}  {day.Sum(b => b.Count),6}  {peakText}".TrimEnd());
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Heading(VolumeSeries series, string unit)
        => $"{series.EntityId} ({ControlCharacters.Reveal(series.Name)}): {series.Total} matched article(s) per UTC {unit}, {Time(series.From, "yyyy-MM-dd HH:mm")} to {Time(series.To, "yyyy-MM-dd HH:mm")} UTC";

    /// <summary>Whole blocks plus an eighth-step end, so two days a little apart do not draw the same bar.</summary>
    private static string Bar(int count, int max)
    {
        var eighths = (int)Math.Round(count * BarWidth * 8.0 / max);
        var bar = new string('█', eighths / 8);
        return eighths % 8 == 0 ? bar : bar + "▏▎▍▌▋▊▉"[(eighths % 8) - 1];
    }

    private static string Time(DateTimeOffset moment, string format) => moment.UtcDateTime.ToString(format, CultureInfo.InvariantCulture);
}
