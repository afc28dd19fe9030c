using System.Text;

namespace NewsMonitor.Watchlists.Queries;

/// <summary>A node of a parsed topic or alert query.</summary>
/// <remarks>
/// A chain of one operator (<c>a OR b OR c</c>, <c>a b c</c>, <c>a NEAR/2 b NEAR/5 c</c>) is one node with a list of
/// operands, so a query of any length is a shallow tree: only parentheses and NOT add depth, and the parser bounds those
/// (<see cref="QueryParser.MaxDepth"/>). Equality, hashing and printing walk the operand lists in loops for the same reason.
/// </remarks>
public abstract record QueryNode
{
    /// <summary>The terms and figure references of a query, left to right.</summary>
    public static IEnumerable<QueryNode> Leaves(QueryNode node)
    {
        var pending = new Stack<QueryNode>();
        pending.Push(node);
        while (pending.TryPop(out var current))
        {
            switch (current)
            {
                case AndNode and:
                    PushReversed(pending, and.Operands);
                    break;
                case OrNode or:
                    PushReversed(pending, or.Operands);
                    break;
                case NearNode near:
                    PushReversed(pending, near.Operands);
                    break;
                case NotNode not:
                    pending.Push(not.Operand);
                    break;
                default:
                    yield return current;
                    break;
            }
        }
    }

    private protected static IReadOnlyList<QueryNode> Chain(IReadOnlyList<QueryNode> operands, string name)
        => operands.Count >= 2 ? operands : throw new ArgumentException($"{name} needs at least two operands", nameof(operands));

    private protected static int Hash(IEnumerable<QueryNode> operands, Type type)
    {
        var hash = new HashCode();
        hash.Add(type);
        foreach (var operand in operands)
        {
            hash.Add(operand);
        }

        return hash.ToHashCode();
    }

    private protected static void Print(StringBuilder builder, IEnumerable<QueryNode> operands)
        => builder.Append("Operands = [").AppendJoin(", ", operands).Append(']');

    private static void PushReversed(Stack<QueryNode> pending, IReadOnlyList<QueryNode> operands)
    {
        for (var i = operands.Count - 1; i >= 0; i--)
        {
            pending.Push(operands[i]);
        }
    }
}

/// <summary>A word or "quoted phrase"; <see cref="Prefix"/> for a trailing <c>*</c>, <see cref="TitleOnly"/> for <c>title:</c>.</summary>
public sealed record TermNode(string Text, bool Prefix, bool TitleOnly) : QueryNode;

/// <summary><c>@figure-id</c>: any name of that figure.</summary>
public sealed record FigureNode(string FigureId, int Column) : QueryNode;

/// <summary><c>a AND b AND …</c> (or adjacent operands): every operand holds.</summary>
public sealed record AndNode(IReadOnlyList<QueryNode> Operands) : QueryNode
{
    public IReadOnlyList<QueryNode> Operands { get; } = Chain(Operands, "AND");

    public bool Equals(AndNode? other) => other is not null && Operands.SequenceEqual(other.Operands);

    public override int GetHashCode() => Hash(Operands, typeof(AndNode));

    protected override bool PrintMembers(StringBuilder builder)
    {
        Print(builder, Operands);
        return true;
    }
}

/// <summary><c>a OR b OR …</c>: at least one operand holds.</summary>
public sealed record OrNode(IReadOnlyList<QueryNode> Operands) : QueryNode
{
    public IReadOnlyList<QueryNode> Operands { get; } = Chain(Operands, "OR");

    public bool Equals(OrNode? other) => other is not null && Operands.SequenceEqual(other.Operands);

    public override int GetHashCode() => Hash(Operands, typeof(OrNode));

    protected override bool PrintMembers(StringBuilder builder)
    {
        Print(builder, Operands);
        return true;
    }
}

public sealed record NotNode(QueryNode Operand) : QueryNode;

/// <summary>
/// <c>a NEAR/n b NEAR/m c …</c>: read left to right, each link asks for a hit of the next operand at most its distance
/// away from the evidence so far; <c>Distances[i]</c> joins <c>Operands[i]</c> and <c>Operands[i + 1]</c>.
/// </summary>
public sealed record NearNode(IReadOnlyList<QueryNode> Operands, IReadOnlyList<int> Distances) : QueryNode
{
    public IReadOnlyList<QueryNode> Operands { get; } = Chain(Operands, "NEAR");

    public IReadOnlyList<int> Distances { get; } = Distances.Count == Operands.Count - 1
        ? Distances
        : throw new ArgumentException("NEAR needs one distance between each two operands", nameof(Distances));

    public bool Equals(NearNode? other)
        => other is not null && Operands.SequenceEqual(other.Operands) && Distances.SequenceEqual(other.Distances);

    public override int GetHashCode() => HashCode.Combine(Hash(Operands, typeof(NearNode)), Distances.Count, Distances.Count > 0 ? Distances[0] : 0);

    protected override bool PrintMembers(StringBuilder builder)
    {
        Print(builder, Operands);
        builder.Append(", Distances = [").AppendJoin(", ", Distances).Append(']');
        return true;
    }
}
