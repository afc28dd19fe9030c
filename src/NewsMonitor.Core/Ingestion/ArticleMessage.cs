using System.Text.Json.Serialization;
using NewsMonitor.Storage;

namespace NewsMonitor.Ingestion;

/// <summary>
/// Queue <c>articles</c>: one new feed item. <see cref="Summary"/> is the feed's own text, already stripped of HTML and
/// capped at <see cref="MaxSummaryLength"/> characters so the message stays well under the 64 KiB queue limit.
/// </summary>
public sealed record ArticleMessage(
    string ArticleId,
    string FeedId,
    Uri Url,
    Uri CanonicalUrl,
    string? Title,
    string? Summary,
    DateTimeOffset? Published,
    DateTimeOffset DiscoveredAt)
{
    public const int MaxSummaryLength = 30_000;

    /// <summary>The feed's <c>language</c> from the feed list: the article's language when its page declares none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FeedLanguage { get; init; }

    /// <summary>What happened to this article's message before: deferrals and replays from poison.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MessageEvent>? History { get; init; }
}
