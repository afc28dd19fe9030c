using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NewsMonitor.Matching;

/// <summary>A word sequence for <see cref="TermAutomaton"/>, in folded form; <see cref="Prefix"/> lets the last word be the start of a longer word.</summary>
internal readonly record struct AutomatonPattern(ReadOnlyMemory<string> Words, bool Prefix);

/// <summary>
/// An Aho-Corasick automaton over folded character classes, finding every pattern in one pass whatever their number.
/// Patterns are encoded as <c>SEP word SEP word … SEP</c> and the text is read as if wrapped in separators, with a run
/// of separators or joiners acting as one, which makes every match a whole-word match.
/// </summary>
/// <remarks>
/// The transitions live in one row-displaced table (<see cref="AutomatonTables"/>): a state is the offset of its row,
/// and a slot holds its target state, its class and whether the target accepts, so one load and one compare take a
/// step. The states most names pass through, where text spends most of its time, have full rows; the others hold only
/// their own transitions and fall back along failure links when the slot belongs to another row. That keeps the table to
/// a few bytes per state at 100,000 names while the common step stays a single load. A pattern with a character in the
/// shared class is reported as a candidate that the caller verifies (<see cref="NeedsVerification"/>). Texts longer than a
/// few hundred characters are scanned as four interleaved segments, each warmed up on the text before it and checked
/// against its neighbour's end state, so the four dependent load chains overlap in the CPU without changing the result.
/// </remarks>
internal sealed class TermAutomaton
{
    private const int MinSegment = 64;

    private readonly AutomatonTables tables;
    private readonly int[] slots;
    private readonly byte[] classOf;
    private readonly int warmUp;

    /// <param name="patterns">The patterns; a hit's outputs are indexes into this list.</param>
    /// <param name="denseSlots">Slots for full rows; tests lower it to walk the failure links where full rows would hide them.</param>
    public TermAutomaton(IReadOnlyList<AutomatonPattern> patterns, int denseSlots = AutomatonTables.DenseSlots)
    {
        tables = AutomatonTables.Build(patterns, denseSlots);
        slots = tables.Slots;
        classOf = tables.ClassOf;
        warmUp = tables.MaxSymbols + 4;
    }

    /// <summary>Bytes held by the transition table, the failure links, the outputs and the class map.</summary>
    public long TableBytes => tables.Bytes;

    /// <summary>True for a pattern with a character in the shared class: its hits are candidates to compare with the text.</summary>
    public bool NeedsVerification(int patternId) => tables.NeedsVerification[patternId];

    /// <summary>Finds every pattern occurrence; <see cref="AutomatonScratch.Hits"/> holds them in text order. Allocates nothing once the scratch has grown.</summary>
    public void Scan(ReadOnlySpan<char> text, AutomatonScratch scratch)
    {
        var hits = scratch.Hits;
        hits.Clear();
        var state = text.Length < 4 * MinSegment ? Run(text, 0, text.Length, tables.Start, hits) : ScanInterleaved(text, scratch);
        Step(state, AutomatonTables.SeparatorClass, text.Length, hits);
    }

    /// <summary>The ids of the patterns that end at an accepting state reported in a hit.</summary>
    public ReadOnlySpan<int> OutputsOf(int state) => tables.OutputsOf(state);

    private int ScanInterleaved(ReadOnlySpan<char> text, AutomatonScratch scratch)
    {
        var segment = text.Length / 4;
        var b1 = segment;
        var b2 = 2 * segment;
        var b3 = 3 * segment;
        var streams = scratch.Streams;
        foreach (var stream in streams)
        {
            stream.Clear();
        }

        var (w1, w2, w3) = WarmUp(text, segment);
        int s0 = tables.Start, s1 = w1, s2 = w2, s3 = w3;
        ref var d = ref MemoryMarshal.GetArrayDataReference(slots);
        ref var cls = ref MemoryMarshal.GetArrayDataReference(classOf);
        ref var t0 = ref MemoryMarshal.GetReference(text);
        ref var t1 = ref Unsafe.Add(ref t0, b1);
        ref var t2 = ref Unsafe.Add(ref t0, b2);
        ref var t3 = ref Unsafe.Add(ref t0, b3);
        for (var j = 0; j < segment; j++)
        {
            int c0 = Unsafe.Add(ref cls, Unsafe.Add(ref t0, j));
            int c1 = Unsafe.Add(ref cls, Unsafe.Add(ref t1, j));
            int c2 = Unsafe.Add(ref cls, Unsafe.Add(ref t2, j));
            int c3 = Unsafe.Add(ref cls, Unsafe.Add(ref t3, j));
            var v0 = Unsafe.Add(ref d, s0 + c0);
            var v1 = Unsafe.Add(ref d, s1 + c1);
            var v2 = Unsafe.Add(ref d, s2 + c2);
            var v3 = Unsafe.Add(ref d, s3 + c3);

            // A branch per stream, not one for all four: a stream that leaves the common step (a miss, a hit) then
            // holds up only itself, which at 10,000 names and more, where one step in twenty does, is worth a quarter.
            s0 = IsPlain(v0, c0) ? v0 >> AutomatonTables.TargetShift : Next(text, j, s0, c0, streams[0]);
            s1 = IsPlain(v1, c1) ? v1 >> AutomatonTables.TargetShift : Next(text, b1 + j, s1, c1, streams[1]);
            s2 = IsPlain(v2, c2) ? v2 >> AutomatonTables.TargetShift : Next(text, b2 + j, s2, c2, streams[2]);
            s3 = IsPlain(v3, c3) ? v3 >> AutomatonTables.TargetShift : Next(text, b3 + j, s3, c3, streams[3]);
        }

        s3 = Run(text, b3 + segment, text.Length, s3, streams[3]);

        // A warm-up that ended in another state than the true one (a very long run of separators) is redone from it.
        if (w1 != s0)
        {
            streams[1].Clear();
            s1 = Run(text, b1, b2, s0, streams[1]);
        }

        if (w2 != s1)
        {
            streams[2].Clear();
            s2 = Run(text, b2, b3, s1, streams[2]);
        }

        if (w3 != s2)
        {
            streams[3].Clear();
            s3 = Run(text, b3, text.Length, s2, streams[3]);
        }

        foreach (var stream in streams)
        {
            scratch.Hits.AddRange(stream);
        }

        return s3;
    }

    /// <summary>
    /// The states at the starts of segments 1–3, guessed by reading the text just before each from the start state, the
    /// three at once. The window is the longest pattern and a few characters more, as much as a state depends on unless
    /// a run of separators sits in it; a wrong guess is caught at the segment's end and the segment redone.
    /// </summary>
    private (int W1, int W2, int W3) WarmUp(ReadOnlySpan<char> text, int segment)
    {
        var length = Math.Min(warmUp, segment);
        var from = segment - length;
        int s1 = tables.Start, s2 = s1, s3 = s1;
        ref var d = ref MemoryMarshal.GetArrayDataReference(slots);
        ref var cls = ref MemoryMarshal.GetArrayDataReference(classOf);
        ref var t1 = ref Unsafe.Add(ref MemoryMarshal.GetReference(text), from);
        ref var t2 = ref Unsafe.Add(ref t1, segment);
        ref var t3 = ref Unsafe.Add(ref t2, segment);
        for (var j = 0; j < length; j++)
        {
            int c1 = Unsafe.Add(ref cls, Unsafe.Add(ref t1, j));
            int c2 = Unsafe.Add(ref cls, Unsafe.Add(ref t2, j));
            int c3 = Unsafe.Add(ref cls, Unsafe.Add(ref t3, j));
            var v1 = Unsafe.Add(ref d, s1 + c1);
            var v2 = Unsafe.Add(ref d, s2 + c2);
            var v3 = Unsafe.Add(ref d, s3 + c3);
            s1 = IsPlain(v1, c1) ? v1 >> AutomatonTables.TargetShift : Next(text, from + j, s1, c1, null);
            s2 = IsPlain(v2, c2) ? v2 >> AutomatonTables.TargetShift : Next(text, from + segment + j, s2, c2, null);
            s3 = IsPlain(v3, c3) ? v3 >> AutomatonTables.TargetShift : Next(text, from + (2 * segment) + j, s3, c3, null);
        }

        return (s1, s2, s3);
    }

    /// <summary>True when the slot is the state's own for the class and leads to a state that accepts nothing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPlain(int slot, int symbol) => ((slot ^ symbol) & AutomatonTables.CodeMask) == 0;

    private int Run(ReadOnlySpan<char> text, int from, int to, int state, AutomatonHits? hits)
    {
        ref var cls = ref MemoryMarshal.GetArrayDataReference(classOf);
        ref var t = ref MemoryMarshal.GetReference(text);
        for (var i = from; i < to; i++)
        {
            state = Next(text, i, state, Unsafe.Add(ref cls, Unsafe.Add(ref t, i)), hits);
        }

        return state;
    }

    /// <summary>One step, by <see cref="Taken"/> or else the slow path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Next(ReadOnlySpan<char> text, int position, int state, int symbol, AutomatonHits? hits)
    {
        var next = Taken(ref MemoryMarshal.GetArrayDataReference(slots), state, symbol);
        return next < 0 ? Slow(text, position, state, hits) : next;
    }

    /// <summary>
    /// The plain step from <paramref name="state"/> on <paramref name="symbol"/>: its own slot, or else its failure link's
    /// slot, which for the shallow states the failure links mostly lead to is a full row's. Negative when neither is a
    /// plain step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Taken(ref int d, int state, int symbol)
    {
        var own = Unsafe.Add(ref d, state + symbol);
        if ((own & AutomatonTables.CodeMask) == symbol)
        {
            return own >> AutomatonTables.TargetShift;
        }

        if ((own & AutomatonTables.ClassMask) == symbol)
        {
            return -1;
        }

        // A joiner stays put, so the failure link's slot for it (its own staying put) is no answer.
        var fallback = Unsafe.Add(ref d, (Unsafe.Add(ref d, state + AutomatonTables.ExpandClass) >> AutomatonTables.TargetShift) + symbol);
        return (fallback & AutomatonTables.CodeMask) == symbol && symbol != AutomatonTables.JoinerClass ? fallback >> AutomatonTables.TargetShift : -1;
    }

    /// <summary>An accepting target, a character that folds to several, or a step along the failure links.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Slow(ReadOnlySpan<char> text, int position, int state, AutomatonHits? hits)
    {
        int symbol = classOf[text[position]];
        return symbol == AutomatonTables.ExpandClass ? Expand(text, position, state, hits) : Step(state, symbol, position, hits);
    }

    /// <summary>Feeds a character that folds to several (ß, a surrogate pair) one folded character at a time.</summary>
    private int Expand(ReadOnlySpan<char> text, int position, int previous, AutomatonHits? hits)
    {
        var folded = CharFolding.FoldAt(text, position, out _);
        if (folded is null)
        {
            return Step(previous, AutomatonTables.SeparatorClass, position, hits);
        }

        var state = previous;
        foreach (var c in folded)
        {
            var symbol = classOf[c];
            state = Step(state, symbol is AutomatonTables.SeparatorClass or AutomatonTables.JoinerClass or AutomatonTables.ExpandClass ? AutomatonTables.OtherClass : symbol, position, hits);
        }

        return state;
    }

    /// <summary>One transition by the failure links: a joiner stays where it is, and the root's row is full, so the walk ends.</summary>
    private int Step(int state, int symbol, int position, AutomatonHits? hits)
    {
        if (symbol == AutomatonTables.JoinerClass)
        {
            return state;
        }

        while (true)
        {
            var slot = slots[state + symbol];
            if ((slot & AutomatonTables.ClassMask) == symbol)
            {
                var target = slot >> AutomatonTables.TargetShift;
                if ((slot & AutomatonTables.AcceptFlag) != 0)
                {
                    hits?.Add(position, target);
                }

                return target;
            }

            state = tables.FailureOf(state);
        }
    }
}
