using Microsoft.Extensions.Options;
using NewsMonitor.Digests;
using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Configuration;

/// <summary>
/// Loads the watchlist, feed list and subscriptions from their files and reloads a file when it changes, so an edit
/// takes effect without a restart; the matcher is rebuilt only when the watchlist changes.
/// </summary>
public sealed class MonitorConfiguration(IOptions<MonitorOptions> options)
{
    private readonly Lock gate = new();
    private (string Path, DateTime Stamp, MentionMatcher Matcher)? matcher;

    public async Task<MentionMatcher> GetMatcherAsync(CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(options.Value.WatchlistPath);
        var stamp = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
        lock (gate)
        {
            if (matcher is { } cached && cached.Path == path && cached.Stamp == stamp)
            {
                return cached.Matcher;
            }
        }

        var watchlist = await WatchlistLoader.LoadFileAsync(path, cancellationToken).ConfigureAwait(false);
        var built = new MentionMatcher(watchlist);
        lock (gate)
        {
            matcher = (path, stamp, built);
        }

        return built;
    }

    public Task<IReadOnlyList<FeedSource>> GetFeedsAsync(CancellationToken cancellationToken = default)
        => FeedListLoader.LoadFileAsync(Path.GetFullPath(options.Value.FeedsPath), cancellationToken);

    public Task<IReadOnlyList<Subscription>> GetSubscriptionsAsync(CancellationToken cancellationToken = default)
        => SubscriptionLoader.LoadFileAsync(Path.GetFullPath(options.Value.SubscriptionsPath), cancellationToken);
}
