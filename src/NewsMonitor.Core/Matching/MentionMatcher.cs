using NewsMonitor.Articles;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Matching;

/// <summary>Finds every tracked figure, topic and alert rule in an article, with per-mention evidence and a score per entity.</summary>
/// <remarks>Built once per watchlist version and shared: it holds no per-article state.</remarks>
public sealed class MentionMatcher
{
    [ThreadStatic]
    private static AutomatonScratch? Scratch;

    private readonly Watchlist watchlist;
    private readonly TermIndex index;

    public MentionMatcher(Watchlist watchlist)
    {
        this.watchlist = watchlist;
        index = new TermIndex(watchlist);
    }

    public Watchlist Watchlist => watchlist;

    /// <summary>The number of distinct names and query terms compiled into the automaton.</summary>
    public int PatternCount => index.PatternCount;

    public MatchResult Match(ArticleText article)
    {
        var figureHits = new Dictionary<string, List<Hit>>(StringComparer.Ordinal);
        var termHits = new List<Hit>[index.QueryTermCount];
        for (var i = 0; i < termHits.Length; i++)
        {
            termHits[i] = [];
        }

        var scratch = Scratch ??= new AutomatonScratch();
        index.Scan(TextField.Title, article.Title, scratch, figureHits, termHits);
        index.Scan(TextField.Body, article.Body, scratch, figureHits, termHits);

        var found = new List<(string Id, EntityKind Kind, string Name, IReadOnlyCollection<Hit> Hits)>();
        foreach (var figure in watchlist.Figures)
        {
            if (figureHits.TryGetValue(figure.Id, out var hits))
            {
                found.Add((figure.Id, EntityKind.Figure, figure.Name, hits));
            }
        }

        var evaluator = new QueryEvaluator(index, termHits, figureHits, new WordPositions(article.Title, article.Body));
        foreach (var entity in watchlist.Topics.Concat(watchlist.Alerts))
        {
            if (evaluator.Evaluate(entity.Query) is { Count: > 0 } evidence)
            {
                found.Add((entity.Id, entity.Kind, entity.Name, evidence.Distinct().ToList()));
            }
        }

        var entities = new List<EntityMatch>(found.Count);
        var mentions = new List<Mention>();
        foreach (var (id, kind, name, hits) in found)
        {
            var inTitle = hits.Any(h => h.Field == TextField.Title);
            var firstBody = hits.Where(h => h.Field == TextField.Body).Select(h => h.Start).DefaultIfEmpty(0).Min();
            entities.Add(new EntityMatch(id, kind, name, hits.Count, EntityScorer.Score(hits.Count, inTitle, firstBody, article.Body.Length)));
            foreach (var hit in hits)
            {
                var text = hit.Field == TextField.Title ? article.Title : article.Body;
                var (snippet, offset) = SnippetBuilder.Build(text, hit.Start, hit.Length);
                mentions.Add(new Mention(id, kind, hit.Term, hit.Field, hit.Start, hit.Length, snippet, offset));
            }
        }

        entities.Sort((a, b) => b.Score.CompareTo(a.Score) is var byScore and not 0 ? byScore : string.CompareOrdinal(a.Id, b.Id));
        mentions.Sort((a, b) => a.Field != b.Field ? a.Field.CompareTo(b.Field) : a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.EntityId, b.EntityId));
        return new MatchResult(entities, mentions);
    }
}
