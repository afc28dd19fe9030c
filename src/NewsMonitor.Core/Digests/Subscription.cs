using NewsMonitor.Watchlists;

namespace NewsMonitor.Digests;

/// <summary>
/// Who gets a digest of what and when: the entities to include (empty = all), kinds, feeds and the lowest score worth
/// reporting; the cadence in a time zone, quiet hours; and the channels — email addresses and webhooks.
/// </summary>
public sealed record Subscription(string Id, string Name, IReadOnlyList<string> Entities, double MinScore)
{
    public IReadOnlyList<EntityKind> Kinds { get; init; } = [];

    public IReadOnlyList<string> Feeds { get; init; } = [];

    public DigestFrequency Frequency { get; init; } = DigestFrequency.Hourly;

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public QuietHours? QuietHours { get; init; }

    /// <summary>Send a "nothing new" digest when the period had no match.</summary>
    public bool SendEmpty { get; init; }

    public IReadOnlyList<string> Email { get; init; } = [];

    public IReadOnlyList<WebhookTarget> Webhooks { get; init; } = [];
}
