using System.Globalization;
using NewsMonitor.Configuration;

namespace NewsMonitor.Reading.Search;

/// <summary>
/// A validated search: the query text (compiled against the live watchlist when it runs), the window [From, To), the
/// feeds kept (empty = all), the page size and where the previous page ended.
/// </summary>
public sealed record SearchRequest(string Query, DateTimeOffset From, DateTimeOffset To, int Limit)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 200;

    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(7);

    public IReadOnlyList<string> Feeds { get; init; } = [];

    public SearchCursor? Cursor { get; init; }

    /// <summary>Builds a request from user input; each problem names the parameter it came from.</summary>
    /// <param name="nameOf">How the caller spells each parameter in its problems: the API's names by default, <c>monitor search</c>'s flags.</param>
    public static SearchRequest Parse(SearchInput input, DateTimeOffset now, out List<string> problems, Func<string, string>? nameOf = null)
    {
        var name = nameOf ?? (parameter => parameter);
        problems = [];
        if (string.IsNullOrWhiteSpace(input.Q))
        {
            problems.Add($"{name("q")}: missing; give a query of the watchlist language, e.g. \"graham nkosi\" OR @vladimir-putin");
        }

        var from = now - DefaultPeriod;
        if (input.Since is not null && !TimeExpression.TryParse(input.Since, now, out from))
        {
            problems.Add($"{name("since")}: \"{Shorten(input.Since)}\" is not an ISO-8601 time or a duration like 7d");
        }
        else if (from > now)
        {
            problems.Add($"{name("since")}: \"{Shorten(input.Since!)}\" is in the future");
        }

        var feeds = input.Feeds.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var feed in feeds.Where(f => !IdRule.IsValid(f)))
        {
            problems.Add($"{name("feed")}: \"{Shorten(feed)}\" is not a feed id ({IdRule.Description})");
        }

        var limit = DefaultLimit;
        if (input.Limit is not null && (!int.TryParse(input.Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
        {
            problems.Add($"{name("limit")}: \"{Shorten(input.Limit)}\" must be a whole number from 1 to {MaxLimit}");
        }

        SearchCursor? cursor = null;
        if (input.Cursor is not null)
        {
            if (SearchCursor.TryParse(input.Cursor, out var parsed))
            {
                cursor = parsed;
            }
            else
            {
                problems.Add($"{name("cursor")}: \"{Shorten(input.Cursor)}\" is not a cursor of a previous page (pass nextCursor back unchanged)");
            }
        }

        return new SearchRequest(input.Q?.Trim() ?? string.Empty, from, now, limit) { Feeds = feeds, Cursor = cursor };
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
