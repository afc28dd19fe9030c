using NewsMonitor.Configuration;
using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Reviews;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Reading;

/// <summary>
/// Answers <see cref="MatchQuery"/> from the index for the HTTP API and <c>monitor matches</c>, reading only what the
/// query needs: one row-key range per entity partition, or, for "every entity", the day partitions of the period.
/// Newest-first pages continue after the last row key, so matches arriving meanwhile never shift a later page.
/// Review states come from the rows themselves (stamped by <see cref="ReviewService"/>): by default dismissed matches are left out.
/// Entities no longer on the live watchlist are left out too (<see cref="LiveEntities"/>), before any other filter sees the row.
/// </summary>
public sealed class MatchFinder(MatchStore matches, MonitorConfiguration configuration)
{
    /// <exception cref="ConfigurationUnavailableException">The watchlist has never validated.</exception>
    public async Task<MatchPage> FindAsync(MatchQuery query, CancellationToken cancellationToken = default)
    {
        var live = new LiveEntities((await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false)).Watchlist);
        var partitions = Partitions(query);
        var filter = Filter(query, await configuration.GetFeedCategoriesAsync(query.Categories, cancellationToken).ConfigureAwait(false));
        bool Keep(MatchIndexRow row) => live.Show(row) && filter(row);
        var wanted = query.ByScore ? MatchQuery.MaxRanked : query.Limit + 1;
        var selective = query.All || query.Words.Count > 0 || query.Feeds.Count > 0 || query.Categories.Count > 0 || query.Kinds.Count > 0 || query.MinScore > 0;
        var rows = new List<MatchIndexRow>();
        foreach (var partition in partitions.Names)
        {
            var remaining = partitions.ByEntity ? wanted : wanted - rows.Count;
            if (remaining <= 0)
            {
                break;
            }

            rows.AddRange(await matches.ReadPartitionAsync(partition, query.From, query.To, query.After, Keep, remaining, selective, query.Review, cancellationToken).ConfigureAwait(false));
        }

        var articles = rows
            .GroupBy(r => r.ArticleId)
            .Select(article => article.OrderByDescending(r => r.Score).First())
            .ToList();
        if (query.ByScore)
        {
            var ranked = articles.OrderByDescending(r => r.Score).ThenBy(r => r.RowKey, StringComparer.Ordinal).ToList();
            var page = ranked.Skip(query.Skip).Take(query.Limit).ToList();
            var next = query.Skip + page.Count;
            return new MatchPage(page.Select(MatchSummary.Of).ToList(), next < ranked.Count ? MatchQuery.Continuation(true, next.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null);
        }

        var newest = articles.OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();
        var items = newest.Take(query.Limit).ToList();
        var continuation = newest.Count > query.Limit ? MatchQuery.Continuation(false, items[^1].RowKey) : null;
        return new MatchPage(items.Select(MatchSummary.Of).ToList(), continuation);
    }

    /// <summary>
    /// One problem per entity, feed or category the query names that the watchlist or the feed list does not hold,
    /// each listing the known ones (<see cref="KnownNames"/>). The feed list is read only when the query filters by feed or category.
    /// </summary>
    /// <param name="nameOf">Gives the name a parameter has for the caller (the CLI's flag), as in <see cref="MatchQuery.Parse"/>.</param>
    /// <exception cref="ConfigurationUnavailableException">The watchlist, or a feed list the query needs, has never validated.</exception>
    public async Task<IReadOnlyList<string>> UnknownNamesAsync(MatchQuery query, Func<string, string>? nameOf = null, CancellationToken cancellationToken = default)
    {
        var name = nameOf ?? (parameter => parameter);
        var problems = new List<string>();
        var watchlist = (await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false)).Watchlist;
        problems.AddRange(KnownNames.UnknownEntities(name("entity"), query.Entities, watchlist.Names.Keys));
        if (query.Feeds.Count == 0 && query.Categories.Count == 0)
        {
            return problems;
        }

        var feedList = await configuration.GetFeedsAsync(cancellationToken).ConfigureAwait(false);
        problems.AddRange(KnownNames.UnknownFeeds(name("feed"), query.Feeds, [.. feedList.Select(f => f.Id)]));
        problems.AddRange(KnownNames.UnknownCategories(name("category"), query.Categories, new FeedCategories(feedList)));
        return problems;
    }

    public Task<StoredArticle?> GetAsync(string articleId, CancellationToken cancellationToken = default)
        => matches.GetArticleAsync(articleId, cancellationToken);

    /// <summary>Entity partitions (for AND, the first entity's only: its rows list every entity of the article), or the period's day partitions newest first.</summary>
    private static (IReadOnlyList<string> Names, bool ByEntity) Partitions(MatchQuery query)
    {
        if (query.Entities.Count > 0)
        {
            return (query.All ? [query.Entities[0]] : query.Entities, true);
        }

        // A later page starts at the day of the row it continues after: the newer days hold nothing for it.
        var newest = query.To;
        if (query.After is { } after && long.TryParse(after.AsSpan(0, 19), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var inverted))
        {
            var cursor = new DateTimeOffset(DateTimeOffset.MaxValue.UtcTicks - inverted, TimeSpan.Zero);
            newest = cursor < newest ? cursor : newest;
        }

        var days = new List<string>();
        for (var day = newest.UtcDateTime.Date; day >= query.From.UtcDateTime.Date; day = day.AddDays(-1))
        {
            days.Add(MatchIndexRow.DayPartition(new DateTimeOffset(day, TimeSpan.Zero)));
        }

        return (days, false);
    }

    private static Func<MatchIndexRow, bool> Filter(MatchQuery query, FeedCategories categories)
    {
        var filter = query.Filter with { FeedCategories = categories };
        return row =>
            filter.Takes(row)
            && (!query.All || query.Entities.All(id => row.Entities.Split(',').Contains(id)))
            && (query.Words.Count == 0 || HasWords(row, query.Words));
    }

    private static bool HasWords(MatchIndexRow row, IReadOnlyList<string> words)
    {
        var present = Tokenizer.FoldedWords(row.Title + " " + row.Snippet).ToHashSet(StringComparer.Ordinal);
        return words.All(present.Contains);
    }
}
