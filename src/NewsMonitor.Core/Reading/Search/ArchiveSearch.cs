using System.Diagnostics;
using NewsMonitor.Archive;
using NewsMonitor.Configuration;

namespace NewsMonitor.Reading.Search;

/// <summary>
/// Runs a query of the watchlist language over every archived article of a window, matched or not, newest first, a page
/// at a time. It only reads: nothing in storage changes.
/// </summary>
public sealed class ArchiveSearch(ArticleArchive archive, ArchiveScanner scanner, MonitorConfiguration configuration)
{
    /// <exception cref="Watchlists.Queries.QuerySyntaxException">The query does not parse or names an unknown figure.</exception>
    public async Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var live = await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false);
        var query = SearchQuery.Compile(request.Query, live.Watchlist);
        var clock = Stopwatch.StartNew();

        // A next page starts at its cursor's hour: the newer blocks were read by the pages before it.
        var to = request.Cursor is { } cursor && cursor.Hour.AddHours(1) < request.To ? cursor.Hour.AddHours(1) : request.To;
        var blocks = to > request.From ? await archive.ListBlocksAsync(request.From, to, cancellationToken).ConfigureAwait(false) : [];
        var feeds = request.Feeds.ToHashSet(StringComparer.Ordinal);
        var found = new List<SearchHit>();
        var hour = new List<SearchHit>();
        var visited = 0;

        // Shards of one hour are read one after another, each newest first: results are sorted an hour at a time, and
        // the scan stops only at the end of an hour, once it holds one result more than the page (so a next page exists).
        bool Visit(ArchiveBlockContent content)
        {
            foreach (var article in content.Articles)
            {
                if ((feeds.Count > 0 && !feeds.Contains(article.FeedId)) || (request.Cursor is { } after && !after.Precedes(article)))
                {
                    continue;
                }

                if (query.Find(article) is { Count: > 0 } mentions)
                {
                    hour.Add(SearchHit.Of(article, mentions));
                }
            }

            visited++;
            if (visited < blocks.Count && blocks[visited].Hour == content.Block.Hour)
            {
                return true;
            }

            hour.Sort((a, b) => ArchiveOrder.Compare(a.DiscoveredAt, a.ArticleId, b.DiscoveredAt, b.ArticleId));
            found.AddRange(hour);
            hour.Clear();
            return found.Count <= request.Limit;
        }

        var statistics = await scanner.ScanAsync(request.From, to, Visit, blocks, cancellationToken).ConfigureAwait(false);
        var items = found.Take(request.Limit).ToList();
        var next = found.Count > request.Limit ? new SearchCursor(items[^1].DiscoveredAt, items[^1].ArticleId).ToString() : null;
        return new SearchPage(query.Text, request.From, request.To, items, next, ScanReport.From(statistics, clock.Elapsed, complete: visited == blocks.Count));
    }
}
