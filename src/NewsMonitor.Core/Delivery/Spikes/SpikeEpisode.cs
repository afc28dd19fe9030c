using Azure;

namespace NewsMonitor.Delivery.Spikes;

/// <summary>
/// One spike of an entity at one setting, from the hour that first fired (<see cref="Start"/>) to the last that did;
/// one alert each. <see cref="State"/> goes pending (recorded, not yet queued) → queued → delivered.
/// </summary>
public sealed record SpikeEpisode(string EntityId, string Setting, DateTimeOffset Start, DateTimeOffset LastFired, int Count, double Expected, int PeakCount, string State, DateTimeOffset RecordedAt)
{
    public const string Pending = "pending";
    public const string Queued = "queued";
    public const string Delivered = "delivered";

    public ETag ETag { get; init; }

    /// <summary>The window's count against its baseline when the episode opened, e.g. 6× usual.</summary>
    public double Ratio => Count / Expected;
}
