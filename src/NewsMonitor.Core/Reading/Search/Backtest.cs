using System.Diagnostics;
using NewsMonitor.Archive;
using NewsMonitor.Configuration;
using NewsMonitor.Matching;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Reading.Search;

/// <summary>
/// Compares a proposed watchlist with the live one over the archive without writing anything: each archived article of
/// the window is read once and matched with both, as the pipeline matches (<see cref="MentionMatcher.Match(Articles.ArticleText, string)"/>,
/// so <c>blockFeeds</c> apply). An entity gains the articles the proposed watchlist matches to it and the live one does
/// not, and loses the reverse: the exact rows a backfill of the proposed watchlist adds and removes.
/// </summary>
public sealed class Backtest(ArchiveScanner scanner, MonitorConfiguration configuration)
{
    public async Task<BacktestReport> RunAsync(Watchlist proposed, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var liveMatcher = await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false);
        var proposedMatcher = new MentionMatcher(proposed);
        var live = liveMatcher.Watchlist;
        var tallies = live.EntityIds.Union(proposed.EntityIds).ToDictionary(id => id, _ => new Tally(), StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();

        bool Visit(ArchiveBlockContent content)
        {
            foreach (var article in content.Articles)
            {
                var text = article.ToArticleText();
                var before = liveMatcher.Match(text, article.FeedId);
                var after = proposedMatcher.Match(text, article.FeedId);
                foreach (var entity in before.Entities)
                {
                    var tally = tallies[entity.Id];
                    tally.Live++;
                    if (!after.Entities.Any(e => e.Id == entity.Id))
                    {
                        tally.Lost++;
                        tally.LostExamples.Offer(article, before);
                    }
                }

                foreach (var entity in after.Entities)
                {
                    var tally = tallies[entity.Id];
                    tally.Proposed++;
                    if (!before.Entities.Any(e => e.Id == entity.Id))
                    {
                        tally.Gained++;
                        tally.GainedExamples.Offer(article, after);
                    }
                }
            }

            return true;
        }

        var statistics = await scanner.ScanAsync(from, to, Visit, cancellationToken: cancellationToken).ConfigureAwait(false);
        var entities = tallies.Select(pair => Compare(pair.Key, pair.Value, live, proposed)).ToList();
        entities.Sort(EntityComparison.Compare);
        return new BacktestReport(from, to, live.Version, proposed.Version, entities.Sum(e => e.Gained), entities.Sum(e => e.Lost), entities, ScanReport.From(statistics, clock.Elapsed, complete: true));
    }

    private static EntityComparison Compare(string id, Tally tally, Watchlist live, Watchlist proposed)
    {
        var (kind, name) = KindAndName(proposed, id) ?? KindAndName(live, id)!.Value;
        return new EntityComparison(
            id, kind, name, EntityDefinitions.Compare(live, proposed, id), tally.Live, tally.Proposed, tally.Gained, tally.Lost,
            tally.GainedExamples.ToExamples(id), tally.LostExamples.ToExamples(id));
    }

    private static (EntityKind Kind, string Name)? KindAndName(Watchlist watchlist, string id)
        => watchlist.Figures.FirstOrDefault(f => f.Id == id) is { } figure ? (EntityKind.Figure, figure.Name)
            : watchlist.Topics.Concat(watchlist.Alerts).FirstOrDefault(q => q.Id == id) is { } entity ? (entity.Kind, entity.Name)
            : null;

    private sealed class Tally
    {
        public int Live { get; set; }

        public int Proposed { get; set; }

        public int Gained { get; set; }

        public int Lost { get; set; }

        public Examples GainedExamples { get; } = new();

        public Examples LostExamples { get; } = new();
    }

    /// <summary>The newest few articles offered, in <see cref="ArchiveOrder"/>, whatever order the blocks were read in.</summary>
    private sealed class Examples
    {
        private readonly List<(ArchivedArticle Article, MatchResult Result)> kept = [];

        public void Offer(ArchivedArticle article, MatchResult result)
        {
            if (kept.Count == EntityComparison.MaxExamples && ArchiveOrder.Compare(article, kept[^1].Article) >= 0)
            {
                return;
            }

            var at = kept.FindIndex(k => ArchiveOrder.Compare(article, k.Article) < 0);
            kept.Insert(at < 0 ? kept.Count : at, (article, result));
            if (kept.Count > EntityComparison.MaxExamples)
            {
                kept.RemoveAt(kept.Count - 1);
            }
        }

        public List<BacktestExample> ToExamples(string entityId)
            => kept.Select(k => new BacktestExample(
                k.Article.ArticleId, k.Article.Title, k.Article.Url, k.Article.FeedId, k.Article.DiscoveredAt,
                HighlightedSnippet.From(k.Result.Mentions.Where(m => m.EntityId == entityId), 1) is [var first, ..] ? first : null)).ToList();
    }
}
