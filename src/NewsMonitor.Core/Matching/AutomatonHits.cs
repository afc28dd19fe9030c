namespace NewsMonitor.Matching;

/// <summary>Where the automaton accepted: text positions with the accepting state, kept in arrays that are reused between articles.</summary>
public sealed class AutomatonHits
{
    private int[] positions = new int[64];
    private int[] states = new int[64];

    public int Count { get; private set; }

    public int PositionAt(int index) => positions[index];

    public int StateAt(int index) => states[index];

    public void Clear() => Count = 0;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal void Add(int position, int state)
    {
        var count = Count;
        if ((uint)count >= (uint)positions.Length || (uint)count >= (uint)states.Length)
        {
            Grow();
        }

        positions[count] = position;
        states[count] = state;
        Count = count + 1;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void Grow()
    {
        Array.Resize(ref positions, positions.Length * 2);
        Array.Resize(ref states, states.Length * 2);
    }

    internal void AddRange(AutomatonHits other)
    {
        for (var i = 0; i < other.Count; i++)
        {
            Add(other.positions[i], other.states[i]);
        }
    }
}

/// <summary>Per-thread working memory of a scan: the hits, and one list per interleaved stream.</summary>
public sealed class AutomatonScratch
{
    public AutomatonHits Hits { get; } = new();

    internal AutomatonHits[] Streams { get; } = [new(), new(), new(), new()];
}
