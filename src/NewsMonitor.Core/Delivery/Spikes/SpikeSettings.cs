using System.Globalization;
using System.Text.Json;

namespace NewsMonitor.Delivery.Spikes;

/// <summary>
/// A subscription's spike alerts: <c>"spikes": "medium"</c>, or <c>{ "sensitivity": "high", "minCount": 10 }</c>. The
/// sensitivity sets how far above its baseline a window must be (<see cref="MinRatio"/>) and how unlikely under it
/// (<see cref="MaxTailProbability"/>); <see cref="MinCount"/> is the fewest mentions in the window that can be a spike,
/// so that 1 → 3 is never one.
/// </summary>
public sealed record SpikeSettings(SpikeSensitivity Sensitivity, int MinCount)
{
    public const int MaxMinCount = 100_000;

    public static SpikeSettings Of(SpikeSensitivity sensitivity) => new(sensitivity, DefaultMinCount(sensitivity));

    /// <summary>The fewest mentions in the window by default: fewer would be noise for a desk, whatever the baseline.</summary>
    public static int DefaultMinCount(SpikeSensitivity sensitivity) => sensitivity switch
    {
        SpikeSensitivity.High => 5,
        SpikeSensitivity.Medium => 10,
        _ => 20,
    };

    /// <summary>How many times its baseline the window must be: the news is over-dispersed, so a Poisson tail alone flags 130 against 100.</summary>
    public double MinRatio => Sensitivity switch
    {
        SpikeSensitivity.High => 2,
        SpikeSensitivity.Medium => 3,
        _ => 5,
    };

    /// <summary>How unlikely the window must be if mentions came at the baseline's rate: keeps 0 → 5 on a floor of 1 from passing on the ratio alone.</summary>
    public double MaxTailProbability => Sensitivity switch
    {
        SpikeSensitivity.High => 1e-3,
        SpikeSensitivity.Medium => 1e-4,
        _ => 1e-6,
    };

    /// <summary>Names the setting in storage and queue messages: subscriptions with the same setting share one episode per entity.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Name(Sensitivity)}-{MinCount}");

    public static string Name(SpikeSensitivity sensitivity) => sensitivity.ToString().ToLowerInvariant();

    /// <summary>Reads the <c>spikes</c> value of a subscription; <paramref name="problems"/> says what was wrong, one problem each, naming <paramref name="label"/>.</summary>
    public static SpikeSettings? Parse(JsonElement value, string label, out IReadOnlyList<string> problems)
    {
        problems = [];
        switch (value.ValueKind)
        {
            case JsonValueKind.String when TryParseSensitivity(value.GetString(), out var sensitivity):
                return Of(sensitivity);
            case JsonValueKind.Object:
                return ParseObject(value, label, out problems);
            default:
                problems = [$"{label}: {Shown(value)} is not low, medium, high or {{ \"sensitivity\": \"medium\", \"minCount\": 10 }}"];
                return null;
        }
    }

    public static bool TryParseSensitivity(string? text, out SpikeSensitivity sensitivity)
    {
        sensitivity = SpikeSensitivity.Medium;
        return text is not null && !int.TryParse(text, out _) && Enum.TryParse(text, ignoreCase: true, out sensitivity) && Enum.IsDefined(sensitivity);
    }

    private static SpikeSettings? ParseObject(JsonElement value, string label, out IReadOnlyList<string> problems)
    {
        var sensitivity = SpikeSensitivity.Medium;
        int? minCount = null;
        var found = new List<string>();
        problems = found;
        foreach (var property in value.EnumerateObject())
        {
            switch (property.Name.ToLowerInvariant())
            {
                case "sensitivity":
                    if (property.Value.ValueKind != JsonValueKind.String || !TryParseSensitivity(property.Value.GetString(), out sensitivity))
                    {
                        found.Add($"{label}.sensitivity: {Shown(property.Value)} is not low, medium or high");
                    }

                    break;
                case "mincount":
                    if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var count) && count is >= 1 and <= MaxMinCount)
                    {
                        minCount = count;
                    }
                    else
                    {
                        found.Add($"{label}.minCount: {Shown(property.Value)} is not a whole number from 1 to {MaxMinCount}");
                    }

                    break;
                default:
                    found.Add($"{label}.{property.Name}: unknown key; the keys here are \"sensitivity\", \"minCount\"");
                    break;
            }
        }

        return found.Count == 0 ? new SpikeSettings(sensitivity, minCount ?? DefaultMinCount(sensitivity)) : null;
    }

    private static string Shown(JsonElement value) => value.ValueKind == JsonValueKind.String ? $"\"{value.GetString()}\"" : value.GetRawText();
}
