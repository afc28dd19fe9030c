using NewsMonitor.Watchlists.Queries;

namespace NewsMonitor.Matching;

/// <summary>Evaluates a parsed query over the hits of one article; a satisfied query yields the hits that satisfied it.</summary>
internal sealed class QueryEvaluator(TermIndex index, List<Hit>?[] termHits, Dictionary<string, List<Hit>> figureHits, WordPositions words)
{
    /// <returns>The evidence hits when the query holds, or null when it does not.</returns>
    public List<Hit>? Evaluate(QueryNode node) => node switch
    {
        TermNode term => termHits[index.QueryTermIndex(term)] is not { } hits ? null
            : term.TitleOnly ? NonEmpty(hits.Where(h => h.Field == TextField.Title).ToList())
            : hits,
        FigureNode figure => figureHits.TryGetValue(figure.FigureId, out var hits) ? NonEmpty(hits) : null,
        AndNode and => Evaluate(and.Left) is { } left && Evaluate(and.Right) is { } right ? [.. left, .. right] : null,
        OrNode or => Union(Evaluate(or.Left), Evaluate(or.Right)),
        NotNode not => Evaluate(not.Operand) is null ? [] : null,
        NearNode near => Near(Evaluate(near.Left), Evaluate(near.Right), near.Distance),
        _ => throw new NotSupportedException($"Unknown query node {node.GetType().Name}"),
    };

    /// <summary>The query as a tree of clauses with their outcomes; chains of one operator are shown as one clause.</summary>
    public ClauseExplanation Explain(QueryNode node)
    {
        var hits = Evaluate(node);
        var matched = hits is not null;
        return node switch
        {
            TermNode term => new ClauseExplanation(Label(term), matched, hits?.Count ?? 0, []),
            FigureNode figure => new ClauseExplanation("@" + figure.FigureId, matched, hits?.Count ?? 0, []),
            AndNode => new ClauseExplanation("AND", matched, hits?.Count ?? 0, Chain<AndNode>(node).Select(Explain).ToList()),
            OrNode => new ClauseExplanation("OR", matched, hits?.Count ?? 0, Chain<OrNode>(node).Select(Explain).ToList()),
            NotNode not => new ClauseExplanation("NOT", matched, 0, [Explain(not.Operand)]),
            NearNode near => new ClauseExplanation($"NEAR/{near.Distance}", matched, hits?.Count ?? 0, [Explain(near.Left), Explain(near.Right)]),
            _ => throw new NotSupportedException($"Unknown query node {node.GetType().Name}"),
        };
    }

    private static string Label(TermNode term)
    {
        var text = term.Text.Any(char.IsWhiteSpace) ? $"\"{term.Text}\"" : term.Text;
        return (term.TitleOnly ? "title:" : string.Empty) + text + (term.Prefix ? "*" : string.Empty);
    }

    private static IEnumerable<QueryNode> Chain<T>(QueryNode node)
        where T : QueryNode
        => node switch
        {
            AndNode both when node is T => Chain<T>(both.Left).Concat(Chain<T>(both.Right)),
            OrNode either when node is T => Chain<T>(either.Left).Concat(Chain<T>(either.Right)),
            _ => [node],
        };

    private static List<Hit>? NonEmpty(List<Hit> hits) => hits.Count > 0 ? hits : null;

    private static List<Hit>? Union(List<Hit>? left, List<Hit>? right)
        => left is null ? right : right is null ? left : [.. left, .. right];

    private List<Hit>? Near(List<Hit>? left, List<Hit>? right, int distance)
    {
        if (left is null || right is null)
        {
            return null;
        }

        var evidence = new HashSet<Hit>();
        foreach (var a in left)
        {
            foreach (var b in right)
            {
                if (a.Field == b.Field && WordDistance(a, b) <= distance)
                {
                    evidence.Add(a);
                    evidence.Add(b);
                }
            }
        }

        return NonEmpty([.. evidence]);
    }

    /// <summary>1 for adjacent hits: the number of words from the end of one to the start of the other.</summary>
    private int WordDistance(Hit a, Hit b)
    {
        var ia = words.WordIndex(a);
        var ib = words.WordIndex(b);
        return Math.Max(ib - (ia + a.WordCount - 1), ia - (ib + b.WordCount - 1));
    }
}
