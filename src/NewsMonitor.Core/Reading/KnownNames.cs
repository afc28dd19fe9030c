using NewsMonitor.Configuration;

namespace NewsMonitor.Reading;

/// <summary>
/// The problem for a filter value that names nothing the monitor knows (an entity off the watchlist, a feed or a
/// category not in feeds.json): the value, the nearest known name if one is close, and the known names, so a typo
/// is an error rather than an empty listing.
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
}
