namespace NewsMonitor.Watchlists.Queries;

/// <summary>A node of a parsed topic or alert query.</summary>
public abstract record QueryNode
{
    /// <summary>The terms and figure references of a query, left to right.</summary>
    public static IEnumerable<QueryNode> Leaves(QueryNode node) => node switch
    {
        AndNode and => Leaves(and.Left).Concat(Leaves(and.Right)),
        OrNode or => Leaves(or.Left).Concat(Leaves(or.Right)),
        NearNode near => Leaves(near.Left).Concat(Leaves(near.Right)),
        NotNode not => Leaves(not.Operand),
        _ => [node],
    };
}

/// <summary>A word or "quoted phrase"; <see cref="Prefix"/> for a trailing <c>*</c>, <see cref="TitleOnly"/> for <c>title:</c>.</summary>
public sealed record TermNode(string Text, bool Prefix, bool TitleOnly) : QueryNode;

/// <summary><c>@figure-id</c>: any name of that figure.</summary>
public sealed record FigureNode(string FigureId, int Column) : QueryNode;

public sealed record AndNode(QueryNode Left, QueryNode Right) : QueryNode;

public sealed record OrNode(QueryNode Left, QueryNode Right) : QueryNode;

public sealed record NotNode(QueryNode Operand) : QueryNode;

/// <summary><c>left NEAR/n right</c>: a hit of each side at most <see cref="Distance"/> words apart.</summary>
public sealed record NearNode(QueryNode Left, QueryNode Right, int Distance) : QueryNode;
