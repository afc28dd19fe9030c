using NewsMonitor.Delivery.Spikes;
using NewsMonitor.Feeds;
using NewsMonitor.Reading;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Delivery.Digests;

/// <summary>
/// Who gets a digest of what and when: the entities to include (empty = all), kinds, feeds, feed categories and the lowest score worth
/// reporting; the cadence in a time zone, quiet hours; and the channels — email addresses and webhooks.
/// </summary>
public sealed record Subscription(string Id, string Name, IReadOnlyList<string> Entities, double MinScore)
{
    public IReadOnlyList<EntityKind> Kinds { get; init; } = [];

    public IReadOnlyList<string> Feeds { get; init; } = [];

    /// <summary>Feed categories from feeds.json (a folder takes its subfolders); empty: any.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    public DigestFrequency Frequency { get; init; } = DigestFrequency.Hourly;

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public QuietHours? QuietHours { get; init; }

    /// <summary>Send a "nothing new" digest when the period had no match.</summary>
    public bool SendEmpty { get; init; }

    /// <summary>
    /// Also send matches a backfill found in articles processed before their entity was on the watchlist, marked as
    /// such; without it a newly added name does not flood the next digest with weeks of old news.
    /// </summary>
    public bool IncludeBackfilled { get; init; }

    public IReadOnlyList<string> Email { get; init; } = [];

    public IReadOnlyList<WebhookTarget> Webhooks { get; init; } = [];

    /// <summary>Spike alerts for the subscription's entities, at this setting; null when it asks for none.</summary>
    public SpikeSettings? Spikes { get; init; }

    /// <summary>Whether the subscription follows an entity: one of its entities (any when it names none) of a kind it asks for.</summary>
    public bool Follows(string entityId, EntityKind kind)
        => (Entities.Count == 0 || Entities.Contains(entityId)) && (Kinds.Count == 0 || Kinds.Contains(kind));

    /// <summary>The entities, score, kinds, feeds and categories the subscription asks for, as listings filter them too.</summary>
    /// <param name="feeds">The feed list's categories now (<see cref="Configuration.MonitorConfiguration.GetFeedCategoriesAsync"/>).</param>
    public MatchFilter Filter(FeedCategories feeds) => new(Entities, MinScore, Kinds, Feeds) { Categories = Categories, FeedCategories = feeds };

    /// <summary>
    /// Whether an index row is for this subscription: one its <see cref="Filter"/> takes, written by the live pipeline
    /// unless it includes backfilled matches. Digests, immediate alerts and the subscription's Atom feed all decide with it.
    /// </summary>
    public bool Takes(MatchIndexRow row, FeedCategories feeds) => Filter(feeds).Takes(row) && (IncludeBackfilled || !row.Backfilled);
}
