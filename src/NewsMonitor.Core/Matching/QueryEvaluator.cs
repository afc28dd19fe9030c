using NewsMonitor.Watchlists.Queries;

namespace NewsMonitor.Matching;

/// <summary>Evaluates a parsed query over the hits of one article; a satisfied query yields the hits that satisfied it.</summary>
internal sealed class QueryEvaluator(QueryLeaves leaves, Dictionary<int, List<Hit>> termHits, Dictionary<int, List<Hit>> figureHits, WordPositions words)
{
    /// <returns>The evidence hits when the query holds, or null when it does not.</returns>
    public List<Hit>? Evaluate(QueryNode node) => node switch
    {
        TermNode term => !termHits.TryGetValue(leaves.Terms[term], out var hits) ? null
            : term.TitleOnly ? NonEmpty(hits.Where(h => h.Field == TextField.Title).ToList())
            : hits,
        FigureNode figure => leaves.Figures.TryGetValue(figure, out var ordinal) && figureHits.TryGetValue(ordinal, out var hits) ? NonEmpty(hits) : null,
        AndNode and => All(and.Operands),
        OrNode or => Any(or.Operands),
        NotNode not => Evaluate(not.Operand) is null ? [] : null,
        NearNode near => NearChain(near),
        _ => throw new NotSupportedException($"Unknown query node {node.GetType().Name}"),
    };

    /// <summary>The query as a tree of clauses with their outcomes; a chain of one operator is one clause, as it is one node.</summary>
    public ClauseExplanation Explain(QueryNode node)
    {
        var hits = Evaluate(node);
        var matched = hits is not null;
        return node switch
        {
            TermNode term => new ClauseExplanation(Label(term), matched, hits?.Count ?? 0, []),
            FigureNode figure => new ClauseExplanation("@" + figure.FigureId, matched, hits?.Count ?? 0, []),
            AndNode and => new ClauseExplanation("AND", matched, hits?.Count ?? 0, and.Operands.Select(Explain).ToList()),
            OrNode or => new ClauseExplanation("OR", matched, hits?.Count ?? 0, or.Operands.Select(Explain).ToList()),
            NotNode not => new ClauseExplanation("NOT", matched, 0, [Explain(not.Operand)]),
            NearNode near => new ClauseExplanation(NearLabel(near), matched, hits?.Count ?? 0, near.Operands.Select(Explain).ToList()),
            _ => throw new NotSupportedException($"Unknown query node {node.GetType().Name}"),
        };
    }

    private static string Label(TermNode term)
    {
        var text = term.Text.Any(char.IsWhiteSpace) ? $"\"{term.Text}\"" : term.Text;
        return (term.TitleOnly ? "title:" : string.Empty) + text + (term.Prefix ? "*" : string.Empty);
    }

    /// <summary><c>NEAR/5</c> when every link has the same distance, else each link's in order: <c>NEAR/2 NEAR/7</c>.</summary>
    private static string NearLabel(NearNode near)
        => near.Distances.Distinct().Count() == 1 ? $"NEAR/{near.Distances[0]}" : string.Join(' ', near.Distances.Select(d => $"NEAR/{d}"));

    private static List<Hit>? NonEmpty(List<Hit> hits) => hits.Count > 0 ? hits : null;

    /// <summary>Every operand holds; the evidence is all of theirs, in order. Stops at the first that does not.</summary>
    private List<Hit>? All(IReadOnlyList<QueryNode> operands)
    {
        List<Hit>? evidence = null;
        foreach (var operand in operands)
        {
            if (Evaluate(operand) is not { } hits)
            {
                return null;
            }

            (evidence ??= []).AddRange(hits);
        }

        return evidence;
    }

    /// <summary>At least one operand holds; the evidence is that of every operand that does.</summary>
    private List<Hit>? Any(IReadOnlyList<QueryNode> operands)
    {
        List<Hit>? evidence = null;
        foreach (var operand in operands)
        {
            if (Evaluate(operand) is { } hits)
            {
                (evidence ??= []).AddRange(hits);
            }
        }

        return evidence;
    }

    /// <summary>The left fold <c>((a NEAR b) NEAR c) …</c>: each link keeps the evidence within its distance.</summary>
    private List<Hit>? NearChain(NearNode near)
    {
        var evidence = Evaluate(near.Operands[0]);
        for (var i = 1; i < near.Operands.Count && evidence is not null; i++)
        {
            evidence = Near(evidence, Evaluate(near.Operands[i]), near.Distances[i - 1]);
        }

        return evidence;
    }

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
