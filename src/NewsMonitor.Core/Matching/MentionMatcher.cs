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

    private static readonly MatchResult NothingFound = new([], []);

    [ThreadStatic]
    private static MatchScratch? Scratch;

    private readonly Watchlist watchlist;
    private readonly TermIndex index;

    private readonly QueryEntity[] queryEntities;
    private readonly List<int>[] queriesByTerm;

    /// <summary>Per query, whether two of its leaves find the same hits (a term or figure named twice), so its evidence needs de-duplicating.</summary>
    private readonly bool[] repeatsLeaves;

    /// <summary>The query-term index of every term node and the figure of every figure node, by reference: evaluating an article looks each up without hashing its text.</summary>
    private readonly QueryLeaves leaves = new();
    private readonly Dictionary<int, List<int>> queriesByFigure = [];

    public MentionMatcher(Watchlist watchlist)
    {
        this.watchlist = watchlist;
        queryEntities = [.. watchlist.Topics, .. watchlist.Alerts];

        // Each query's leaves are walked once: the index numbers their terms, and each leaf points back at its queries.
        var queryLeaves = Array.ConvertAll(queryEntities, entity => QueryNode.Leaves(entity.Query).ToArray());
        index = new TermIndex(watchlist, queryLeaves, leaves);
        queriesByTerm = new List<int>[index.QueryTermCount];
        repeatsLeaves = new bool[queryEntities.Length];
        var figures = FiguresNamedIn(queryLeaves);
        var named = new HashSet<(bool IsFigure, int Index)>();
        for (var ordinal = 0; ordinal < queryEntities.Length; ordinal++)
        {
            named.Clear();
            foreach (var leaf in queryLeaves[ordinal])
            {
                switch (leaf)
                {
                    case TermNode term:
                        var termIndex = leaves.Terms[term];
                        repeatsLeaves[ordinal] |= !named.Add((false, termIndex));
                        (queriesByTerm[termIndex] ??= []).Add(ordinal);
                        break;
                    case FigureNode node when figures.TryGetValue(node.FigureId, out var figure):
                        repeatsLeaves[ordinal] |= !named.Add((true, figure));
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

    /// <summary>The automaton every name and query term is compiled into, for benchmarks of the bare scan.</summary>
    internal TermAutomaton Automaton => index.Automaton;

    /// <summary>The place in the watchlist of each figure a query names: a few, where the watchlist may hold 100,000.</summary>
    private Dictionary<string, int> FiguresNamedIn(QueryNode[][] queryLeaves)
    {
        var named = queryLeaves.SelectMany(leavesOfOne => leavesOfOne).OfType<FigureNode>().Select(node => node.FigureId).ToHashSet(StringComparer.Ordinal);
        var places = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var ordinal = 0; ordinal < watchlist.Figures.Count && places.Count < named.Count; ordinal++)
        {
            if (named.Contains(watchlist.Figures[ordinal].Id))
            {
                places.TryAdd(watchlist.Figures[ordinal].Id, ordinal);
            }
        }

        return places;
    }

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
        var scratch = Scan(article);
        var (figureHits, termHits) = (scratch.FigureHits, scratch.TermHits);
        if (figureHits.Count == 0 && termHits.Count == 0)
        {
            return NothingFound;
        }

        var found = new List<FoundEntity>();
        foreach (var (ordinal, hits) in figureHits)
        {
            var figure = watchlist.Figures[ordinal];
            found.Add(new FoundEntity(figure.Id, EntityKind.Figure, figure.Name, hits));
        }

        // Only queries that use a term or figure found in this article can hold: a query needs evidence to match.
        var evaluator = new QueryEvaluator(leaves, termHits, figureHits, new WordPositions(article.Title, article.Body));
        foreach (var ordinal in TouchedQueries(termHits, figureHits))
        {
            var entity = queryEntities[ordinal];
            if (evaluator.Evaluate(entity.Query) is { Count: > 0 } evidence)
            {
                found.Add(new FoundEntity(entity.Id, entity.Kind, entity.Name, repeatsLeaves[ordinal] ? evidence.Distinct().ToList() : evidence));
            }
        }

        if (found.Count == 0)
        {
            return NothingFound;
        }

        var entities = new List<EntityMatch>(found.Count);
        var kept = scratch.Mentions;
        for (var entity = 0; entity < found.Count; entity++)
        {
            var hits = found[entity].Hits;
            var inTitle = false;
            var firstBody = int.MaxValue;
            for (var h = 0; h < hits.Count; h++)
            {
                var hit = hits[h];
                inTitle |= hit.Field == TextField.Title;
                if (hit.Field == TextField.Body)
                {
                    firstBody = Math.Min(firstBody, hit.Start);
                }

                // Evidence stays bounded on hostile or freak texts; the count and score still use every hit.
                if (h < MaxMentionsPerEntity)
                {
                    kept.Add(new KeptHit(hit, entity));
                }
            }

            var (id, kind, name, _) = found[entity];
            entities.Add(new EntityMatch(id, kind, name, hits.Count, EntityScorer.Score(hits.Count, inTitle, firstBody == int.MaxValue ? 0 : firstBody, article.Body.Length)));
        }

        entities.Sort((a, b) => b.Score.CompareTo(a.Score) is var byScore and not 0 ? byScore : string.CompareOrdinal(a.Id, b.Id));
        return new MatchResult(entities, MentionWriter.InReadingOrder(article, found, kept, index));
    }

    /// <summary>For every topic and alert rule, which clauses of its query held in this article and which did not.</summary>
    public IReadOnlyList<QueryExplanation> Explain(ArticleText article)
    {
        var scratch = Scan(article);
        var evaluator = new QueryEvaluator(leaves, scratch.TermHits, scratch.FigureHits, new WordPositions(article.Title, article.Body));
        return queryEntities.Select(entity =>
        {
            var clause = evaluator.Explain(entity.Query);
            return new QueryExplanation(entity.Id, entity.Kind, entity.QueryText, clause.Matched && clause.Hits > 0, clause);
        }).ToList();
    }

    /// <summary>
    /// The thread's scratch holding the article's figure and query-term hits, the latter by term index: only what was
    /// found, whatever the watchlist's size. Returned, not read again: a thread-static read costs a lookup each time.
    /// </summary>
    private MatchScratch Scan(ArticleText article)
    {
        var scratch = Scratch ??= new MatchScratch();
        scratch.StartArticle();
        index.Scan(TextField.Title, article.Title, scratch);
        index.Scan(TextField.Body, article.Body, scratch);
        scratch.Casing.Settle(article, scratch.FigureHits);
        return scratch;
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
}
