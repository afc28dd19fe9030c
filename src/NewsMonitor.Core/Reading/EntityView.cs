using NewsMonitor.Reading.Volume;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Reading;

/// <summary>
/// One watchlist entity for the workspace's entity page: what it tracks (a figure's <see cref="Names"/>, or a topic's or
/// alert's <see cref="Query"/>), its matched articles per UTC day over 30 days and per UTC hour over 48 hours, oldest
/// bucket first with empty ones as zero, the spikes in those 30 days, its top outlets over the 30 days, and its newest matches.
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
    IReadOnlyList<MatchSummary> Latest)
{
    /// <summary>The entity's spikes that fired in the 30 days, oldest first, for the charts to mark.</summary>
    public IReadOnlyList<SpikeMark> Spikes { get; init; } = [];
}

/// <summary>
/// A spike on an entity's chart: the hours [<see cref="Start"/>, <see cref="End"/>) it fired in, and the window's
/// count against its baseline when it opened (<see cref="Ratio"/>, 6 for six times usual). Episodes of several alert
/// settings over the same hours are one mark, with the highest ratio.
/// </summary>
public sealed record SpikeMark(DateTimeOffset Start, DateTimeOffset End, int Count, double Ratio)
{
    public static IReadOnlyList<SpikeMark> Of(IEnumerable<Delivery.Spikes.SpikeEpisode> episodes)
        => [.. episodes
            .GroupBy(e => (e.Start, e.LastFired))
            .Select(g => g.MaxBy(e => e.Ratio)!)
            .OrderBy(e => e.Start)
            .Select(e => new SpikeMark(e.Start, e.LastFired.AddHours(1), e.Count, Math.Round(e.Ratio, 1)))];
}
