using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using NewsMonitor.Telemetry;

namespace NewsMonitor.Cli.LocalHost;

/// <summary>
/// What <c>monitor run --verbose</c> prints at the end: every measurement of the pipeline's meter since it started,
/// counters summed per tag set and the publication-to-match latency as count, median, 95th percentile and maximum.
/// Only the meter of this run's services is read, whatever else the process measures.
/// </summary>
internal sealed class MetricsSummary : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly SortedDictionary<string, long> counts = new(StringComparer.Ordinal);
    private readonly List<double> latencies = [];
    private readonly Lock gate = new();

    public MetricsSummary(IMeterFactory meters)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PipelineMetrics.Name && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name + string.Concat(tags.ToArray().OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $" {t.Key}={t.Value}"));
            lock (gate)
            {
                counts[key] = counts.GetValueOrDefault(key) + value;
            }
        });
        listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (gate)
            {
                latencies.Add(value);
            }
        });
        listener.Start();
    }

    public override string ToString()
    {
        lock (gate)
        {
            var text = new StringBuilder("Metrics (meter " + PipelineMetrics.Name + "):");
            foreach (var (key, value) in counts)
            {
                text.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}  {key}: {value}");
            }

            var sorted = latencies.Order().ToList();
            text.Append(sorted.Count == 0
                ? $"{Environment.NewLine}  {PipelineMetrics.MatchLatencyName}: no dated matches"
                : string.Create(CultureInfo.InvariantCulture, $"{Environment.NewLine}  {PipelineMetrics.MatchLatencyName}: {sorted.Count} matches, median {Duration(Percentile(sorted, 0.5))}, p95 {Duration(Percentile(sorted, 0.95))}, max {Duration(sorted[^1])}"));
            return text.ToString();
        }
    }

    public void Dispose() => listener.Dispose();

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];

    private static string Duration(double seconds) => TimeSpan.FromSeconds(Math.Round(seconds)).ToString(seconds >= 86400 ? @"d\.hh\:mm\:ss" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);
}
