namespace NewsMonitor.Matching;

/// <summary>A word sequence to find; <see cref="Prefix"/> makes the last word match any word it starts.</summary>
internal sealed record TermPattern(string[] Words, bool CaseSensitive, bool Prefix, TermOwner Owner);

/// <summary>Who a pattern belongs to: a figure's name (or one of its excluded phrases), or a query term by index.</summary>
internal sealed record TermOwner(string? FigureId, string Term, bool IsExclusion, int QueryTermIndex)
{
    public bool IsFigure => FigureId is not null;
}

/// <summary>A pattern found at token <see cref="TokenIndex"/> spanning <see cref="TokenCount"/> words.</summary>
internal readonly record struct Hit(TextField Field, int TokenIndex, int TokenCount, int Start, int Length, string Term);
