using NewsMonitor.Configuration;
using NewsMonitor.Storage;
using NewsMonitor.Escaping;
using NewsMonitor.Feeds;

namespace NewsMonitor.Reading;

/// <summary>One configured feed's health, from FeedState.</summary>
public sealed record FeedHealthRow(
    string Id,
    string Url,
    string Status,
    DateTimeOffset? LastPolledAt,
    DateTimeOffset? LastSuccessAt,
    int ConsecutiveFailures,
    DateTimeOffset? NextPollAt,
    long ItemsSeen,
    string? LastError);

/// <summary>
/// The feeds view: every feed's health, and the configuration files rejected, which also stop or skew what is polled;
/// <see cref="Categories"/> every category and parent folder the feeds are filed under, for a category filter to offer.
/// </summary>
public sealed record FeedHealthView(IReadOnlyList<FeedHealthRow> Items, IReadOnlyList<ConfigurationProblem> ConfigurationProblems)
{
    public IReadOnlyList<string> Categories { get; init; } = [];
}

/// <summary>Every configured feed with its health: ok, failing or never polled (for <c>monitor feeds</c> and <c>GET /api/feeds</c>).</summary>
public sealed class FeedHealthReport(MonitorConfiguration configuration, FeedStateStore states)
{
    /// <summary>The feeds with their health and the configuration problems; no feeds while the feed list has never validated.</summary>
    public async Task<FeedHealthView> ReadAsync(CancellationToken cancellationToken = default)
    {
        var problems = await configuration.CheckAsync(cancellationToken).ConfigureAwait(false);
        if (problems.Any(p => p.File == "feeds" && p.InUseSince is null))
        {
            return new FeedHealthView([], problems);
        }

        var categories = new FeedCategories(await configuration.GetFeedsAsync(cancellationToken).ConfigureAwait(false));
        return new FeedHealthView(await ListAsync(cancellationToken).ConfigureAwait(false), problems) { Categories = categories.Known };
    }

    public async Task<IReadOnlyList<FeedHealthRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var feeds = await configuration.GetFeedsAsync(cancellationToken).ConfigureAwait(false);
        var known = await states.GetAllAsync(cancellationToken).ConfigureAwait(false);
        return feeds.Select(feed =>
        {
            var state = known.GetValueOrDefault(feed.Id);
            var status = state?.LastPolledAt is null ? "never polled" : state.ConsecutiveFailures > 0 ? "failing" : "ok";
            return new FeedHealthRow(feed.Id, UrlCredentials.Masked(feed.Url), status, state?.LastPolledAt, state?.LastSuccessAt, state?.ConsecutiveFailures ?? 0, state?.NextPollAt, state?.ItemsSeen ?? 0, state?.LastError is { } error ? UrlCredentials.MaskedIn(error) : null);
        }).ToList();
    }
}
