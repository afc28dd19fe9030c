using System.Text.Json.Serialization;
using NewsMonitor.Storage;

namespace NewsMonitor.Delivery.Spikes;

/// <summary>Queue <c>spikes</c>: an episode to deliver to every subscription with its setting that follows the entity.</summary>
public sealed record SpikeMessage(string EntityId, string Setting, DateTimeOffset Start)
{
    /// <summary>What happened to this message before: deferrals and replays from poison.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MessageEvent>? History { get; init; }
}
