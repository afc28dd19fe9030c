namespace NewsMonitor.Matching;

/// <summary>
/// A word sequence to find; <see cref="Prefix"/> makes the last word match any word it starts; <see cref="ExactWords"/> is
/// set for case-sensitive names; <see cref="CapitalWords"/> for figure names written with capitals, which the text must
/// write as a name (<see cref="NameCasing"/>).
/// </summary>
/// <remarks>A value in one array: a hit reads its pattern's entry, not an object and its word array besides.</remarks>
internal readonly record struct TermPattern(ReadOnlyMemory<string> Words, string[]? ExactWords, bool Prefix, TermOwner Owner)
{
    public int WordCount { get; } = Words.Length;

    public bool[]? CapitalWords { get; init; }
}

/// <summary>
/// Who a pattern belongs to: a figure's name (or one of its excluded phrases) by the figure's place in the watchlist, or
/// a query term by index; <see cref="Term"/> numbers the term as written (<see cref="TermIndex.Term"/>).
/// </summary>
/// <remarks>A value inside its pattern: a watchlist of 100,000 names would otherwise keep 100,000 more objects.</remarks>
internal readonly record struct TermOwner(int Figure, int Term, bool IsExclusion, int QueryTermIndex)
{
    public bool IsFigure => Figure >= 0;
}

/// <summary>
/// A pattern found in <see cref="Field"/> at [<see cref="Start"/>, Start + <see cref="Length"/>), spanning
/// <see cref="WordCount"/> words; <see cref="Term"/> numbers the term as written, so that hits compare and hash as numbers.
/// </summary>
internal readonly record struct Hit(TextField Field, int Start, int Length, int WordCount, int Term);
