using NewsMonitor.Articles;
using NewsMonitor.Watchlists;
using NewsMonitor.Watchlists.Queries;

namespace NewsMonitor.Matching;

/// <summary>Finds every tracked figure, topic and alert rule in an article, with per-mention evidence and a score per entity.</summary>
/// <remarks>Built once per watchlist version and shared: it holds no per-article state.</remarks>
public sealed class MentionMatcher
{
    /// <summary>Mentions kept as evidence per entity and article; no real article comes near it.</summary>
    public const int MaxMentionsPerEntity = 200;

    [ThreadStatic]
    private static MatchScratch? Scratch;

    private readonly Watchlist watchlist;
    private readonly TermIndex index;

    private readonly QueryEntity[] queryEntities;
    private readonly List<int>[] queriesByTerm;

    /// <summary>The query-term index of every term node and the figure of every figure node, by reference: evaluating an article looks each up without hashing its text.</summary>
    private readonly QueryLeaves leaves = new();
    private readonly Dictionary<int, List<int>> queriesByFigure = [];

    public MentionMatcher(Watchlist watchlist)
    {
        this.watchlist = watchlist;
        index = new TermIndex(watchlist);
        queryEntities = [.. watchlist.Topics, .. watchlist.Alerts];
        queriesByTerm = new List<int>[index.QueryTermCount];
        var figures = Enumerable.Range(0, watchlist.Figures.Count).ToDictionary(figure => watchlist.Figures[figure].Id, StringComparer.Ordinal);
        for (var ordinal = 0; ordinal < queryEntities.Length; ordinal++)
        {
            foreach (var leaf in QueryNode.Leaves(queryEntities[ordinal].Query))
            {
                switch (leaf)
                {
                    case TermNode term:
                        (queriesByTerm[leaves.Terms[term] = index.QueryTermIndex(term)] ??= []).Add(ordinal);
                        break;
                    case FigureNode node when figures.TryGetValue(node.FigureId, out var figure):
                        (queriesByFigure.TryGetValue(figure, out var users) ? users : queriesByFigure[figure] = []).Add(ordinal);
                        leaves.Figures[node] = figure;
                        break;
                    case FigureNode:
                        // A figure the watchlist lacks (the loader refuses one; a watchlist built in code may not): never holds.
                        break;
                    default:
                        throw new NotSupportedException(leaf.GetType().Name);
                }
            }
        }
    }

    public Watchlist Watchlist => watchlist;

    /// <summary>The number of distinct names and query terms compiled into the automaton.</summary>
    public int PatternCount => index.PatternCount;

    /// <summary>
    /// Matches an article of feed <paramref name="feedId"/>: an entity whose <c>blockFeeds</c> lists the feed is left
    /// out. Only that entity: a topic whose query names a blocked figure (<c>@id</c>) still matches on its own terms.
    /// </summary>
    public MatchResult Match(ArticleText article, string feedId)
    {
        var result = Match(article);
        return watchlist.BlockedFeeds.Count == 0 ? result : result.Without(entityId => watchlist.IsBlocked(entityId, feedId));
    }

    public MatchResult Match(ArticleText article)
    {
        var (figureHits, termHits) = Scan(article);

        var found = new List<(string Id, EntityKind Kind, string Name, List<Hit> Hits)>();
        foreach (var (ordinal, hits) in figureHits)
        {
            var figure = watchlist.Figures[ordinal];
            found.Add((figure.Id, EntityKind.Figure, figure.Name, hits));
        }

        // Only queries that use a term or figure found in this article can hold: a query needs evidence to match.
        var evaluator = new QueryEvaluator(leaves, termHits, figureHits, new WordPositions(article.Title, article.Body));
        foreach (var ordinal in TouchedQueries(termHits, figureHits))
        {
            var entity = queryEntities[ordinal];
            if (evaluator.Evaluate(entity.Query) is { Count: > 0 } evidence)
            {
                found.Add((entity.Id, entity.Kind, entity.Name, evidence.Distinct().ToList()));
            }
        }

        var entities = new List<EntityMatch>(found.Count);
        var mentions = new List<Mention>();
        var snippets = new SnippetCache(article);
        foreach (var (id, kind, name, hits) in found)
        {
            var inTitle = false;
            var firstBody = int.MaxValue;
            var kept = 0;
            foreach (var hit in hits)
            {
                inTitle |= hit.Field == TextField.Title;
                if (hit.Field == TextField.Body)
                {
                    firstBody = Math.Min(firstBody, hit.Start);
                }

                // Evidence stays bounded on hostile or freak texts; the count and score still use every hit.
                if (kept++ < MaxMentionsPerEntity)
                {
                    var (snippet, offset) = snippets.Get(hit);
                    mentions.Add(new Mention(id, kind, index.Term(hit.Term), hit.Field, hit.Start, hit.Length, snippet, offset));
                }
            }

            entities.Add(new EntityMatch(id, kind, name, hits.Count, EntityScorer.Score(hits.Count, inTitle, firstBody == int.MaxValue ? 0 : firstBody, article.Body.Length)));
        }

        entities.Sort((a, b) => b.Score.CompareTo(a.Score) is var byScore and not 0 ? byScore : string.CompareOrdinal(a.Id, b.Id));
        mentions.Sort((a, b) => a.Field != b.Field ? a.Field.CompareTo(b.Field) : a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.EntityId, b.EntityId));
        return new MatchResult(entities, mentions);
    }

    /// <summary>For every topic and alert rule, which clauses of its query held in this article and which did not.</summary>
    public IReadOnlyList<QueryExplanation> Explain(ArticleText article)
    {
        var (figureHits, termHits) = Scan(article);
        var evaluator = new QueryEvaluator(leaves, termHits, figureHits, new WordPositions(article.Title, article.Body));
        return queryEntities.Select(entity =>
        {
            var clause = evaluator.Explain(entity.Query);
            return new QueryExplanation(entity.Id, entity.Kind, entity.QueryText, clause.Matched && clause.Hits > 0, clause);
        }).ToList();
    }

    /// <summary>The article's figure and query-term hits, the latter by term index: only what was found, whatever the watchlist's size.</summary>
    private (Dictionary<int, List<Hit>> FigureHits, Dictionary<int, List<Hit>> TermHits) Scan(ArticleText article)
    {
        var scratch = Scratch ??= new MatchScratch();
        scratch.StartArticle();
        var casing = new ArticleCasing(article);
        index.Scan(TextField.Title, article.Title, scratch, casing);
        index.Scan(TextField.Body, article.Body, scratch, casing);
        casing.Settle(scratch.FigureHits);
        return (scratch.FigureHits, scratch.TermHits);
    }

    /// <summary>The ordinals, ascending, of the queries that use a term or figure found in the article.</summary>
    private List<int> TouchedQueries(Dictionary<int, List<Hit>> termHits, Dictionary<int, List<Hit>> figureHits)
    {
        var touched = new List<int>();
        foreach (var term in termHits.Keys)
        {
            touched.AddRange(queriesByTerm[term]);
        }

        foreach (var figure in figureHits.Keys)
        {
            if (queriesByFigure.TryGetValue(figure, out var ordinals))
            {
                touched.AddRange(ordinals);
            }
        }

        touched.Sort();
        var distinct = 0;
        for (var i = 0; i < touched.Count; i++)
        {
            if (i == 0 || touched[i] != touched[i - 1])
            {
                touched[distinct++] = touched[i];
            }
        }

        touched.RemoveRange(distinct, touched.Count - distinct);
        return touched;
    }

    /// <summary>One snippet string per sentence, shared by every mention in it.</summary>
    private sealed class SnippetCache(ArticleText article)
    {
        private readonly Dictionary<(TextField, int, int), string> sentences = [];

        public (string Snippet, int Offset) Get(Hit hit)
        {
            var text = hit.Field == TextField.Title ? article.Title : article.Body;
            var (from, to) = SnippetBuilder.Bounds(text, hit.Start, hit.Length);
            if (!sentences.TryGetValue((hit.Field, from, to), out var snippet))
            {
                sentences[(hit.Field, from, to)] = snippet = text[from..to];
            }

            return (snippet, hit.Start - from);
        }
    }
}
