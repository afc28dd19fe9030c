namespace NewsMonitor.Watchlists;

/// <summary>What to exclude from an entity after a dismissed mention: a phrase (figures only) or a feed.</summary>
/// <param name="Phrase">Added to the figure's <c>exclude</c> list, e.g. "Putin Street".</param>
/// <param name="FeedId">Added to the entity's <c>blockFeeds</c> list.</param>
public sealed record WatchlistExclusion(string EntityId, string? Phrase = null, string? FeedId = null);

/// <summary>
/// A proposed edit of the watchlist: the one-line change (<c>figures[3] (vladimir-putin).exclude += "Putin Street"</c>),
/// the document before and after it, what validation found (empty when it validates), and whether it was written.
/// </summary>
public sealed record WatchlistChange(string EntityId, string Change, string Before, string After, IReadOnlyList<string> Problems, bool Applied);
