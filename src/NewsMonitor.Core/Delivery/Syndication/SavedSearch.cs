using NewsMonitor.Reading;

namespace NewsMonitor.Delivery.Syndication;

/// <summary>
/// A saved search's query parameters read as <c>GET /api/matches</c> reads them (<see cref="MatchQuery.Parse"/>), for the
/// matches feed and for <c>monitor feed-url --matches</c>, which refuses to print a URL that would answer 400.
/// </summary>
public static class SavedSearch
{
    public static MatchQuery Parse(IReadOnlyList<KeyValuePair<string, string>> parameters, DateTimeOffset now, out List<string> problems)
    {
        var unknown = parameters.Select(p => p.Key).Where(k => k != "token" && !FeedAddress.SearchParameters.Contains(k, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        List<string> Values(string name) => parameters.Where(p => p.Key == name).Select(p => p.Value).ToList();
        string? Value(string name) => parameters.LastOrDefault(p => p.Key == name).Value;
        var input = new MatchQueryInput
        {
            Entities = Values("entity"),
            All = Value("all"),
            Kinds = Values("kind"),
            Feeds = Values("feed"),
            From = Value("from"),
            To = Value("to"),
            MinScore = Value("minScore"),
            Words = Value("q"),
            Limit = Value("limit"),
            Sort = Value("sort"),
            Review = Value("review"),
        };
        var query = MatchQuery.Parse(input, now, out problems);
        problems.InsertRange(0, unknown.Select(k => $"{k}: not a parameter of a saved search (one of {string.Join(", ", FeedAddress.SearchParameters)}; a feed has no continuation)"));
        return query;
    }
}
