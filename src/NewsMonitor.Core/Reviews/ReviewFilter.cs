namespace NewsMonitor.Reviews;

/// <summary>Which matches a listing keeps by their review state (<c>review=</c> of the API, <c>--review</c> of the CLI).</summary>
public enum ReviewFilter
{
    /// <summary>The default: everything but dismissed matches.</summary>
    NotDismissed,
    Relevant,
    Dismissed,
    Starred,
    Unreviewed,
    Any,
}

/// <summary>How a <see cref="ReviewFilter"/> is written and what it keeps.</summary>
public static class ReviewFilters
{
    public const string Names = "relevant, dismissed, starred, unreviewed, any";

    /// <summary>Reads <c>relevant</c>, <c>dismissed</c>, <c>starred</c>, <c>unreviewed</c> or <c>any</c>; null is the default.</summary>
    public static bool TryParse(string? text, out ReviewFilter filter)
    {
        filter = text switch
        {
            null => ReviewFilter.NotDismissed,
            ReviewStates.Relevant => ReviewFilter.Relevant,
            ReviewStates.Dismissed => ReviewFilter.Dismissed,
            "starred" => ReviewFilter.Starred,
            "unreviewed" => ReviewFilter.Unreviewed,
            "any" => ReviewFilter.Any,
            _ => (ReviewFilter)(-1),
        };
        return Enum.IsDefined(filter);
    }

    /// <summary>Whether a match in <paramref name="state"/> (starred or not) passes the filter.</summary>
    public static bool Keeps(this ReviewFilter filter, string? state, bool starred) => filter switch
    {
        ReviewFilter.NotDismissed => state != ReviewStates.Dismissed,
        ReviewFilter.Relevant => state == ReviewStates.Relevant,
        ReviewFilter.Dismissed => state == ReviewStates.Dismissed,
        ReviewFilter.Starred => starred,
        ReviewFilter.Unreviewed => state is null && !starred,
        _ => true,
    };
}
