using System.Text;

namespace NewsMonitor.Delivery.Syndication;

/// <summary>
/// What a feed URL names, in the one canonical form its token is derived from: a subscription, or a saved search of
/// the matches API (its query parameters sorted, so the order a user typed them in does not matter).
/// </summary>
public sealed record FeedAddress
{
    /// <summary>The query parameters of <c>GET /api/matches</c> a saved search may hold; <c>continuation</c> is not one: a feed is always the first page.</summary>
    public static readonly IReadOnlyList<string> SearchParameters = ["entity", "all", "kind", "feed", "from", "to", "minScore", "q", "sort", "review", "limit"];

    private FeedAddress(string canonical, string? subscriptionId, IReadOnlyList<KeyValuePair<string, string>> search)
    {
        Canonical = canonical;
        SubscriptionId = subscriptionId;
        Search = search;
    }

    /// <summary><c>subscription:{id}</c> or <c>matches?{sorted query}</c>: what the token signs and the feed's atom:id is made from.</summary>
    public string Canonical { get; }

    public string? SubscriptionId { get; }

    /// <summary>The saved search's parameters in canonical order; empty for a subscription.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Search { get; }

    public static FeedAddress ForSubscription(string subscriptionId) => new($"subscription:{subscriptionId}", subscriptionId, []);

    /// <summary>A saved search from its query parameters; parameters outside <see cref="SearchParameters"/> (the token among them) are left out.</summary>
    public static FeedAddress ForSearch(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var search = parameters
            .Where(p => SearchParameters.Contains(p.Key, StringComparer.Ordinal))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .ToList();
        return new FeedAddress("matches?" + QueryString(search), null, search);
    }

    /// <summary>The relative URL of the feed, without its token: <c>api/subscriptions/{id}/feed.atom</c> or <c>api/matches.atom?…</c>.</summary>
    public string Path => SubscriptionId is { } id
        ? $"api/subscriptions/{Uri.EscapeDataString(id)}/feed.atom"
        : Search.Count == 0 ? "api/matches.atom" : "api/matches.atom?" + QueryString(Search);

    public static string QueryString(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in parameters)
        {
            text.Append(text.Length == 0 ? string.Empty : "&").Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return text.ToString();
    }
}
