using System.Globalization;
using System.Text;
using NewsMonitor.Configuration;
using NewsMonitor.Matching;
using NewsMonitor.Reviews;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Reading;

/// <summary>What a user typed to query stored matches, before validation (HTTP query string or CLI flags).</summary>
public sealed record MatchQueryInput
{
    public IReadOnlyList<string> Entities { get; init; } = [];

    public string? All { get; init; }

    public IReadOnlyList<string> Kinds { get; init; } = [];

    public IReadOnlyList<string> Feeds { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public string? From { get; init; }

    public string? To { get; init; }

    public string? MinScore { get; init; }

    public string? Words { get; init; }

    public string? Limit { get; init; }

    public string? Continuation { get; init; }

    public string? Sort { get; init; }

    /// <summary>relevant, dismissed, starred, unreviewed or any; null leaves dismissed matches out.</summary>
    public string? Review { get; init; }
}

/// <summary>
/// A validated query over stored matches: entities (empty = every tracked entity; <see cref="All"/> = articles naming
/// every one of them), kinds, feeds, feed categories, a time range, a minimum score, words that must appear in the title or snippet,
/// the page size, where the previous page ended, the order (newest first, or strongest first), and the review states kept.
/// </summary>
public sealed record MatchQuery(IReadOnlyList<string> Entities, DateTimeOffset From, DateTimeOffset To, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Strongest-first listings rank at most this many matches of the period; newest-first ones page without limit.</summary>
    public const int MaxRanked = 2000;

    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(7);

    public bool All { get; init; }

    public IReadOnlyList<EntityKind> Kinds { get; init; } = [];

    public IReadOnlyList<string> Feeds { get; init; } = [];

    /// <summary>Feed categories from feeds.json; <see cref="MatchFinder"/> resolves them against the feed list as it is now.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    public double MinScore { get; init; }

    /// <summary>Folded words that must all appear in the title or the snippet.</summary>
    public IReadOnlyList<string> Words { get; init; } = [];

    public bool ByScore { get; init; }

    /// <summary>Newest first: the row-key position after which the next page starts; strongest first: how many were skipped.</summary>
    public string? After { get; init; }

    public int Skip { get; init; }

    public ReviewFilter Review { get; init; }

    /// <summary>The entities, score, kinds, feeds and categories asked for, as subscriptions filter them too.</summary>
    public MatchFilter Filter => new(Entities, MinScore, Kinds, Feeds) { Categories = Categories };

    /// <summary>Builds a query from user input; each problem names the parameter it came from.</summary>
    /// <param name="nameOf">
    /// How the caller spells each parameter in its problems: the API's names (entity, from, minScore…) by default;
    /// <c>monitor matches</c> passes its flags, so a problem names the flag the user typed.
    /// </param>
    public static MatchQuery Parse(MatchQueryInput input, DateTimeOffset now, out List<string> problems, Func<string, string>? nameOf = null)
    {
        var name = nameOf ?? (parameter => parameter);
        problems = [];
        var ids = Clean(input.Entities);
        foreach (var id in ids.Where(id => !IdRule.IsValid(id)))
        {
            problems.Add($"{name("entity")}: \"{Shorten(id)}\" is not an entity id ({IdRule.Description})");
        }

        var feeds = Clean(input.Feeds);
        foreach (var feed in feeds.Where(feed => !IdRule.IsValid(feed)))
        {
            problems.Add($"{name("feed")}: \"{Shorten(feed)}\" is not a feed id ({IdRule.Description})");
        }

        var categories = Clean(input.Categories);
        foreach (var category in categories.Where(c => NewsMonitor.Feeds.FeedCategory.Problem(c) is not null))
        {
            problems.Add($"{name("category")}: {NewsMonitor.Feeds.FeedCategory.Problem(category)}");
        }

        var kinds = new List<EntityKind>();
        foreach (var kind in Clean(input.Kinds))
        {
            if (EntityKinds.TryParse(kind, out var parsed))
            {
                kinds.Add(parsed);
            }
            else
            {
                problems.Add($"{name("kind")}: \"{Shorten(kind)}\" is not one of {EntityKinds.Names}");
            }
        }

        var toValue = now;
        if (input.To is not null && !TimeExpression.TryParse(input.To, now, out toValue))
        {
            problems.Add($"{name("to")}: \"{Shorten(input.To)}\" is not an ISO-8601 time or a duration like 7d");
        }

        // An unparsable "to" leaves toValue at MinValue, and a week before it does not exist: clamp instead of throwing.
        var fromValue = toValue >= DateTimeOffset.MinValue + DefaultPeriod ? toValue - DefaultPeriod : DateTimeOffset.MinValue;
        if (input.From is not null && !TimeExpression.TryParse(input.From, now, out fromValue))
        {
            problems.Add($"{name("from")}: \"{Shorten(input.From)}\" is not an ISO-8601 time or a duration like 7d");
        }

        var limit = DefaultLimit;
        if (input.Limit is not null && (!int.TryParse(input.Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
        {
            problems.Add($"{name("limit")}: \"{Shorten(input.Limit)}\" must be a whole number from 1 to {MaxLimit}");
        }

        var minScore = 0.0;
        // double.TryParse takes "NaN" and "Infinity" whatever the styles; NaN would pass every comparison below.
        if (input.MinScore is not null && (!double.TryParse(input.MinScore, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out minScore) || !double.IsFinite(minScore) || minScore < 0 || minScore > 1))
        {
            problems.Add($"{name("minScore")}: \"{Shorten(input.MinScore)}\" must be a number from 0 to 1");
        }

        var all = false;
        if (input.All is not null && !bool.TryParse(input.All, out all))
        {
            problems.Add($"{name("all")}: \"{Shorten(input.All)}\" must be true or false");
        }
        else if (all && ids.Count < 2)
        {
            problems.Add($"{name("all")}: needs at least two {name("entity")} parameters");
        }

        var byScore = false;
        if (input.Sort is not null && !(input.Sort is "time" or "score"))
        {
            problems.Add($"{name("sort")}: \"{Shorten(input.Sort)}\" is not one of time, score");
        }
        else
        {
            byScore = input.Sort == "score";
        }

        if (!ReviewFilters.TryParse(input.Review, out var review))
        {
            problems.Add($"{name("review")}: \"{Shorten(input.Review!)}\" is not one of {ReviewFilters.Names}");
        }

        string? after = null;
        var skip = 0;
        if (input.Continuation is not null && !TryReadContinuation(input.Continuation, byScore, out after, out skip))
        {
            problems.Add($"{name("continuation")}: not a token this API returned (or from a query with another sort)");
        }

        var words = input.Words is null ? [] : Tokenizer.FoldedWords(input.Words);
        if (input.Words is not null && (words.Length == 0 || words.Length > 20))
        {
            problems.Add($"{name("q")}: needs from 1 to 20 words");
        }

        if (problems.Count == 0 && fromValue >= toValue)
        {
            problems.Add($"{name("from")}: must be earlier than {name("to")}");
        }

        return new MatchQuery(ids, fromValue, toValue, limit)
        {
            All = all,
            Kinds = kinds,
            Feeds = feeds,
            Categories = categories.Select(NewsMonitor.Feeds.FeedCategory.Normalise).ToList(),
            MinScore = minScore,
            Words = words,
            ByScore = byScore,
            After = after,
            Skip = skip,
            Review = review,
        };
    }

    /// <summary>The opaque token that continues a listing after its last item.</summary>
    public static string Continuation(bool byScore, string position)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes((byScore ? "s:" : "t:") + position)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryReadContinuation(string token, bool byScore, out string? after, out int skip)
    {
        after = null;
        skip = 0;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            if (byScore)
            {
                return text.StartsWith("s:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out skip) && skip < MaxRanked;
            }

            // A row key: 19 digits, '_', 32 hex digits.
            after = text.StartsWith("t:", StringComparison.Ordinal) ? text[2..] : null;
            return after is { Length: 52 } && after[..19].All(char.IsAsciiDigit) && after[19] == '_' && NewsMonitor.Feeds.ArticleId.IsValid(after[20..]);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static List<string> Clean(IEnumerable<string> values)
        => values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList();

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
