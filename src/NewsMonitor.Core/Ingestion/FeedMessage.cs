using System.Text.Json.Serialization;

namespace NewsMonitor.Ingestion;

/// <summary>Queue <c>feeds</c>: one feed to poll now.</summary>
public sealed record FeedMessage(string FeedId, Uri Url, DateTimeOffset ScheduledAt)
{
    /// <summary>The feed's <c>language</c> from the feed list, passed on to its articles (absent from older messages).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Language { get; init; }
}
