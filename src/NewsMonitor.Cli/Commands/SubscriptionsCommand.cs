using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Cli.Syntax;
using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Delivery.Spikes;
using NewsMonitor.Escaping;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor subscriptions [--format table|json]</c>: each subscription channel with its spike alert setting, last send, next due time and last error.</summary>
internal static class SubscriptionsCommand
{
    public static MonitorCommand Declare(CliContext context)
    {
        var format = CliOptions.Format("table", "json");
        return new MonitorCommand("subscriptions", "Each subscription channel: frequency, spike alerts, last sent, next due, last error.")
        {
            format,
        }.UsingStorage().WithExamples(("monitor subscriptions", "a table"), ("monitor subscriptions --format json", "the same rows as JSON"))
        .Does((result, cancellationToken) => RunAsync(context, result.GetValue(format)!, cancellationToken));
    }

    private static async Task<int> RunAsync(CliContext context, string format, CancellationToken cancellationToken)
    {
        await using var services = context.BuildServices();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var runner = services.GetRequiredService<DigestRunner>();
        var rows = new List<(string Id, string Channel, string Frequency, string Spikes, DateTimeOffset? LastSent, DateTimeOffset NextDue, string? Error)>();
        foreach (var subscription in await services.GetRequiredService<MonitorConfiguration>().GetSubscriptionsAsync(cancellationToken))
        {
            foreach (var (channel, state) in await runner.StatesAsync(subscription, cancellationToken))
            {
                rows.Add((subscription.Id, channel.Key, Describe(subscription), Describe(subscription.Spikes), state.LastSentAt, DigestSchedule.NextDue(subscription, state.LastRunAt, state.PendingItem is not null, now), state.LastError));
            }
        }

        if (format == "json")
        {
            await context.Output.WriteLineAsync(ControlCharacters.Reveal(JsonSerializer.Serialize(rows.Select(r => new { id = r.Id, channel = r.Channel, frequency = r.Frequency, spikes = r.Spikes, lastSentAt = r.LastSent, nextDueAt = r.NextDue, lastError = r.Error }), JsonDefaults.Options)));
            return 0;
        }

        var width = Math.Max(12, rows.Count == 0 ? 0 : rows.Max(r => r.Id.Length));
        var lines = new List<string> { $"{"SUBSCRIPTION".PadRight(width)}  {"CHANNEL",-20}  {"FREQUENCY",-28}  {"SPIKES",-14}  {"LAST SENT (UTC)",-16}  {"NEXT DUE (UTC)",-16}  LAST ERROR" };
        lines.AddRange(rows.Select(r => $"{r.Id.PadRight(width)}  {r.Channel,-20}  {r.Frequency,-28}  {r.Spikes,-14}  {Time(r.LastSent),-16}  {Time(r.NextDue),-16}  {ControlCharacters.Reveal(r.Error ?? string.Empty)}"));
        await context.Output.WriteLineAsync(string.Join(Environment.NewLine, lines));
        return 0;
    }

    private static string Describe(Subscription subscription)
    {
        var frequency = subscription.Frequency;
        var cadence = frequency.Cadence switch
        {
            DigestCadence.Daily => $"daily {frequency.TimeOfDay:hh\\:mm}",
            DigestCadence.Weekly => $"weekly {frequency.Day} {frequency.TimeOfDay:hh\\:mm}",
            _ => frequency.Cadence.ToString().ToLowerInvariant(),
        };
        return $"{cadence} {subscription.TimeZone.Id}";
    }

    /// <summary>The spike alert setting as written in subscriptions.json's terms: sensitivity and minimum count, or off.</summary>
    private static string Describe(SpikeSettings? spikes)
        => spikes is null ? "off" : string.Create(CultureInfo.InvariantCulture, $"{SpikeSettings.Name(spikes.Sensitivity)}, min {spikes.MinCount}");

    private static string Time(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
}
