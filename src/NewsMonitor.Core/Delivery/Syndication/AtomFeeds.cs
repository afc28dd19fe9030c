using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Reading;
using NewsMonitor.Reviews;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Delivery.Syndication;

/// <summary>
/// Builds the Atom feeds: a subscription's (what its digests take: <see cref="Subscription.Takes"/>, entities still on
/// the watchlist, dismissed matches left out) and a saved search's (<see cref="MatchFinder"/>, as <c>GET /api/matches</c>
/// answers it). Reads only; a feed is rebuilt from the index on every request.
/// </summary>
public sealed class AtomFeeds(MonitorConfiguration configuration, MatchStore matches, MatchFinder finder, TimeProvider clock)
{
    /// <summary>A subscription feed holds at most this many articles …</summary>
    public const int SubscriptionCap = 100;

    /// <summary>… matched within this long.</summary>
    public static readonly TimeSpan SubscriptionWindow = TimeSpan.FromDays(14);

    /// <returns>Null when no subscription has the id.</returns>
    /// <exception cref="ConfigurationUnavailableException">The watchlist or subscriptions have never validated.</exception>
    public async Task<AtomFeed?> ForSubscriptionAsync(string subscriptionId, Uri self, Uri workspace, CancellationToken cancellationToken = default)
    {
        var subscription = (await configuration.GetSubscriptionsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.Id == subscriptionId);
        if (subscription is null)
        {
            return null;
        }

        var watchlist = (await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false)).Watchlist;
        var live = new LiveEntities(watchlist);
        var now = clock.GetUtcNow();
        var categories = await configuration.GetFeedCategoriesAsync(subscription.Categories, cancellationToken).ConfigureAwait(false);
        var rows = new List<MatchIndexRow>();
        foreach (var entityId in subscription.Entities.Count > 0 ? subscription.Entities.Where(live.Contains) : watchlist.EntityIds)
        {
            rows.AddRange(await matches.ReadPartitionAsync(entityId, now - SubscriptionWindow, now, after: null, row => live.Show(row) && subscription.Takes(row, categories), SubscriptionCap, review: ReviewFilter.NotDismissed, cancellationToken: cancellationToken).ConfigureAwait(false));
        }

        // An article under several entities is one entry, with the row of its strongest entity (the digests' rule).
        var newest = rows
            .GroupBy(r => r.ArticleId)
            .Select(article => article.OrderByDescending(r => r.Score).ThenBy(r => r.PartitionKey, StringComparer.Ordinal).First())
            .OrderBy(r => r.RowKey, StringComparer.Ordinal)
            .Take(SubscriptionCap)
            .Select(MatchSummary.Of)
            .ToList();
        var address = FeedAddress.ForSubscription(subscription.Id);
        return await BuildAsync(address, subscription.Name, $"Matches for the subscription {subscription.Id}, newest first: at most {SubscriptionCap} from the last {SubscriptionWindow.TotalDays:0} days", newest, self, workspace, cancellationToken).ConfigureAwait(false);
    }

    /// <exception cref="ConfigurationUnavailableException">The watchlist has never validated.</exception>
    public async Task<AtomFeed> ForSearchAsync(FeedAddress address, MatchQuery query, Uri self, Uri workspace, CancellationToken cancellationToken = default)
    {
        var page = await finder.FindAsync(query, cancellationToken).ConfigureAwait(false);
        var described = address.Search.Count == 0 ? "every match" : string.Join(", ", address.Search.Select(p => $"{p.Key}={p.Value}"));
        return await BuildAsync(address, $"NewsMonitor matches: {described}", $"Saved search of the matches API ({described}): at most {query.Limit} matches", page.Items, self, workspace, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AtomFeed> BuildAsync(FeedAddress address, string title, string subtitle, IReadOnlyList<MatchSummary> items, Uri self, Uri workspace, CancellationToken cancellationToken)
    {
        var names = (await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false)).Watchlist.Names;
        var outlets = (await configuration.GetFeedsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(f => f.Id, f => f.Name, StringComparer.Ordinal);
        var entries = items.Where(i => Uri.TryCreate(i.Url, UriKind.Absolute, out _)).Select(i => AtomEntries.From(i, names, outlets)).ToList();
        return new AtomFeed(AtomIds.ForFeed(address), title, subtitle, self, workspace, entries);
    }
}
