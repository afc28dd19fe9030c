using System.Text.Json;
using NewsMonitor.Archive;
using NewsMonitor.Matching;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Benchmarks.Archive;

/// <summary>
/// The per-article work the archive benchmarks time: the seed watchlist's matcher (what a backfill or backtest runs),
/// a one-topic matcher (what a search runs) and the bare automaton scan of the same text (the floor both are held to).
/// </summary>
internal static class ArchiveVisitors
{
    /// <summary>The query the search timings run: a topic of the watchlist language, OR of a phrase and a term.</summary>
    public const string SearchQuery = "\"prime minister\" OR election";

    public static Watchlist SeedWatchlist()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "seeds", "watchlist.json");
        return WatchlistLoader.Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>A watchlist of one topic holding <paramref name="query"/>: what <c>ArchiveSearch</c> compiles a query into.</summary>
    public static Watchlist SearchWatchlist(string query = SearchQuery)
        => WatchlistLoader.Parse(JsonSerializer.SerializeToUtf8Bytes(new { figures = Array.Empty<object>(), topics = new[] { new { id = "search", name = "search", query } } }), "search");

    /// <summary>Entities matched in the article, as a backfill or search counts them.</summary>
    public static Func<ArchivedArticle, int> Matching(Watchlist watchlist)
    {
        var matcher = new MentionMatcher(watchlist);
        return article => matcher.Match(article.ToArticleText(), article.FeedId).Entities.Count;
    }

    /// <summary>
    /// The automaton the matcher compiles from <paramref name="watchlist"/>, run over headline and body and nothing
    /// more: no name resolution, query evaluation or snippets.
    /// </summary>
    public static Func<ArchivedArticle, int> BareScan(Watchlist watchlist)
    {
        var automaton = new MentionMatcher(watchlist).Automaton;
        var scratch = new AutomatonScratch();
        return article =>
        {
            automaton.Scan(article.Title, scratch);
            var hits = scratch.Hits.Count;
            automaton.Scan(article.Text, scratch);
            return hits + scratch.Hits.Count;
        };
    }
}
