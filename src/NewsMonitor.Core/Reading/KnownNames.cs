using NewsMonitor.Configuration;
using NewsMonitor.Feeds;

namespace NewsMonitor.Reading;

/// <summary>
/// The problem for a value that names nothing the monitor knows (an entity off the watchlist, a feed or a category not
/// in feeds.json) — in a filter, a subscription or <c>backfill --entity</c>: the value, the nearest known name if one
/// is close, and the known names, so a typo is an error rather than an empty listing. Each kind is worded here once.
/// </summary>
public static class KnownNames
{
    /// <summary>More would drown the message; the command that lists them all is named instead.</summary>
    private const int Listed = 20;

    /// <param name="parameter">The query parameter, first in the message as every query problem is (<c>entity</c>).</param>
    /// <param name="what">What the value should have been, e.g. <c>an entity on the watchlist</c>.</param>
    /// <param name="listedBy">Where the full list is, e.g. <c>monitor entities</c>.</param>
    public static string Unknown(string parameter, string value, string what, IReadOnlyList<string> known, string listedBy)
    {
        var nearest = UnknownKeys.Suggest(value, known) is { } suggestion ? $" — did you mean \"{suggestion}\"?" : string.Empty;
        var names = known.Count == 0 ? "there are none"
            : known.Count <= Listed ? "known: " + string.Join(", ", known)
            : $"known: {string.Join(", ", known.Take(Listed))} and {known.Count - Listed} more ({listedBy} lists them)";
        return $"{parameter}: \"{value}\" is not {what}{nearest}; {names}";
    }

    /// <summary>One problem per id of <paramref name="asked"/> that is not an entity of <paramref name="known"/> (listed sorted).</summary>
    public static IEnumerable<string> UnknownEntities(string parameter, IEnumerable<string> asked, IReadOnlyCollection<string> known)
    {
        List<string>? sorted = null;
        return Unknowns(asked, known).Select(id => Unknown(parameter, id, "an entity on the watchlist", sorted ??= [.. known.Order(StringComparer.Ordinal)], "monitor entities"));
    }

    /// <summary>One problem per id of <paramref name="asked"/> that is not a feed of <paramref name="known"/> (listed in feeds.json's order).</summary>
    public static IEnumerable<string> UnknownFeeds(string parameter, IEnumerable<string> asked, IReadOnlyList<string> known)
        => Unknowns(asked, known).Select(id => Unknown(parameter, id, "a feed in the feed list", known, "monitor feeds"));

    /// <summary>One problem per category of <paramref name="asked"/> that no feed is filed under, nor in a folder of.</summary>
    public static IEnumerable<string> UnknownCategories(string parameter, IEnumerable<string> asked, FeedCategories categories)
        => asked.Where(c => !categories.IsKnown(c)).Select(c => Unknown(parameter, c, "a feed category in the feed list", categories.Known, "monitor feeds export"));

    /// <summary>The values not among <paramref name="known"/>: a watchlist's names answer in constant time, a list by looking.</summary>
    private static IEnumerable<string> Unknowns(IEnumerable<string> asked, IReadOnlyCollection<string> known)
        => asked.Where(value => !known.Contains(value));
}
