using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace NewsMonitor.Cli.LocalHost;

/// <summary>
/// The <c>extensions.queues</c> settings of host.json, read the way the Functions host reads them, including app-setting
/// overrides such as <c>AzureFunctionsJobHost__extensions__queues__visibilityTimeout</c>.
/// </summary>
/// <param name="NewBatchThreshold">Fetch the next batch when no more than this many messages are still being handled (host default: half the batch).</param>
/// <param name="MessageLease">
/// How long a received message stays invisible before its renewal (setting <c>LocalHost:MessageLease</c>, not in host.json:
/// the Functions host fixes it at 10 minutes). It is how soon messages held by a worker that died are delivered again.
/// </param>
internal sealed record QueueSettings(int BatchSize, int NewBatchThreshold, int MaxDequeueCount, TimeSpan VisibilityTimeout, TimeSpan MaxPollingInterval, TimeSpan MessageLease)
{
    /// <summary>The Functions host's own defaults, used for anything host.json leaves out, and a one-minute lease.</summary>
    public static QueueSettings Defaults { get; } = new(16, 8, 5, TimeSpan.Zero, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

    public static QueueSettings Load(string hostJsonPath, IConfiguration configuration)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (File.Exists(hostJsonPath))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(hostJsonPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("queues", out var queues))
            {
                foreach (var property in queues.EnumerateObject())
                {
                    values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                }
            }
        }

        foreach (var setting in configuration.GetSection("AzureFunctionsJobHost:extensions:queues").GetChildren())
        {
            if (setting.Value is not null)
            {
                values[setting.Key] = setting.Value;
            }
        }

        var defaults = Defaults;
        var batchSize = Int(values, "batchSize", defaults.BatchSize, 1, 32);
        return new QueueSettings(
            batchSize,
            Int(values, "newBatchThreshold", batchSize / 2, 0, 1000),
            Int(values, "maxDequeueCount", defaults.MaxDequeueCount, 1, 1000),
            Time(values, "visibilityTimeout", defaults.VisibilityTimeout),
            Time(values, "maxPollingInterval", defaults.MaxPollingInterval),
            Lease(configuration["LocalHost:MessageLease"], defaults.MessageLease));
    }

    private static TimeSpan Lease(string? text, TimeSpan fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        // The queue service accepts visibility timeouts from 1 second to 7 days.
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.FromSeconds(2) && value <= TimeSpan.FromDays(7)
            ? value
            : throw new InvalidOperationException($"LocalHost:MessageLease: \"{text}\" must be a time span from 00:00:02 to 7.00:00:00");
    }

    private static int Int(Dictionary<string, string> values, string name, int fallback, int min, int max)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"host.json extensions.queues.{name}: \"{text}\" must be a whole number from {min} to {max}");
    }

    private static TimeSpan Time(Dictionary<string, string> values, string name, TimeSpan fallback)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.Zero
            ? value
            : throw new InvalidOperationException($"host.json extensions.queues.{name}: \"{text}\" must be a time span like 00:00:30");
    }
}
