using System.Text.Json.Serialization;
using NewsMonitor.Storage;

namespace NewsMonitor.Delivery.Alerts;

/// <summary>Queue <c>alerts</c>: a stored article that matched high-priority alert rules, to deliver at once.</summary>
public sealed record AlertMessage(string ArticleId, IReadOnlyList<string> AlertIds, DateTimeOffset MatchedAt)
{
    /// <summary>What happened to this message before: deferrals and replays from poison.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MessageEvent>? History { get; init; }
}
