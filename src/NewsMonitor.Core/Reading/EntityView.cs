using NewsMonitor.Reading.Volume;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Reading;

/// <summary>
/// One watchlist entity for the workspace's entity page: what it tracks (a figure's <see cref="Names"/>, or a topic's or
/// alert's <see cref="Query"/>), its matched articles per UTC day over 30 days and per UTC hour over 48 hours, oldest
/// bucket first with empty ones as zero, its top outlets over the 30 days, and its newest matches.
/// </summary>
public sealed record EntityView(
    string Id,
    EntityKind Kind,
    string Name,
    IReadOnlyList<string>? Names,
    string? Query,
    IReadOnlyList<VolumeBucket> Daily,
    IReadOnlyList<VolumeBucket> Hourly,
    IReadOnlyList<OutletCount> TopOutlets,
    IReadOnlyList<MatchSummary> Latest);
