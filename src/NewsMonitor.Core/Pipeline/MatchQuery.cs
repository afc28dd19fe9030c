namespace NewsMonitor.Pipeline;

/// <summary>A validated query over stored matches: entities (empty = every tracked entity), a time range and a page size.</summary>
public sealed record MatchQuery(IReadOnlyList<string> Entities, DateTimeOffset From, DateTimeOffset To, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(7);

    /// <summary>Builds a query from user input; each problem names the parameter it came from.</summary>
    public static MatchQuery Parse(IEnumerable<string> entities, string? from, string? to, string? limit, DateTimeOffset now, out List<string> problems)
    {
        problems = [];
        var ids = entities.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var id in ids.Where(id => id.Length > 64 || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            problems.Add($"entity: \"{Shorten(id)}\" is not an entity id (lower-case letters, digits and '-')");
        }

        var toValue = now;
        if (to is not null && !TimeExpression.TryParse(to, now, out toValue))
        {
            problems.Add($"to: \"{Shorten(to)}\" is not an ISO-8601 time or a duration like 7d");
        }

        // An unparsable "to" leaves toValue at MinValue, and a week before it does not exist: clamp instead of throwing.
        var fromValue = toValue >= DateTimeOffset.MinValue + DefaultPeriod ? toValue - DefaultPeriod : DateTimeOffset.MinValue;
        if (from is not null && !TimeExpression.TryParse(from, now, out fromValue))
        {
            problems.Add($"from: \"{Shorten(from)}\" is not an ISO-8601 time or a duration like 7d");
        }

        var limitValue = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limitValue) || limitValue < 1 || limitValue > MaxLimit))
        {
            problems.Add($"limit: \"{Shorten(limit)}\" must be a whole number from 1 to {MaxLimit}");
        }

        if (problems.Count == 0 && fromValue >= toValue)
        {
            problems.Add("from: must be earlier than to");
        }

        return new MatchQuery(ids, fromValue, toValue, limitValue);
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
