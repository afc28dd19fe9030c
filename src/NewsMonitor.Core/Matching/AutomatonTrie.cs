namespace NewsMonitor.Matching;

/// <summary>
/// The trie of a <see cref="TermAutomaton"/>'s patterns as symbol sequences, with its breadth-first order, failure links,
/// the full transitions of its densest states, and each state's outputs.
/// </summary>
/// <remarks>
/// Patterns are inserted in sorted order, so each shares its prefix with the one before and the new states follow the
/// shared path without a child lookup; the states come out numbered depth first, which is how the layout walks them.
/// The states that get full rows are those the most patterns pass through: a prefix that many names share is one that
/// many words of the text start with, and a text spends most of its steps there. Over the large corpus at 100,000 terms
/// that puts three steps in four in full rows, where the first states in breadth-first order held two in three.
/// </remarks>
internal sealed class AutomatonTrie
{
    private readonly int classCount;
    private readonly byte[] label;
    private readonly int[] firstChild;
    private readonly int[] nextSibling;
    private readonly int[] finalState;
    private readonly int[] outputCount;
    private readonly int[] order;
    private readonly int[] fail;
    private readonly int[] outputAt;
    private int[] delta = [];
    private int[] denseRank = [];
    private int[] denseStates = [];

    private AutomatonTrie(int classCount, int capacity, int patternCount)
    {
        this.classCount = classCount;
        label = new byte[capacity];
        firstChild = new int[capacity];
        nextSibling = new int[capacity];
        finalState = new int[patternCount];
        outputCount = new int[capacity];
        order = new int[capacity];
        fail = new int[capacity];
        outputAt = new int[capacity];
    }

    public int Count { get; private set; } = 1;

    public int MaxSymbols { get; private set; }

    /// <summary>How many states have full transitions (<see cref="Delta"/>).</summary>
    public int DenseCount { get; private set; }

    public int Fail(int state) => fail[state];

    public byte Label(int state) => label[state];

    /// <summary>A separator-ending state stays where it is on another separator, as a run of separators counts as one.</summary>
    public bool EndsWithSeparator(int state) => state != 0 && label[state] == AutomatonTables.SeparatorClass;

    public int FirstChild(int state) => firstChild[state];

    public int NextSibling(int state) => nextSibling[state];

    public bool Accepting(int state) => outputCount[state] > 0;

    /// <summary>Whether the state has full transitions.</summary>
    public bool IsDense(int state) => denseRank[state] >= 0;

    /// <summary>The state with full transitions at <paramref name="rank"/>, counted in breadth-first order.</summary>
    public int DenseState(int rank) => denseStates[rank];

    /// <summary>Where the dense state at <paramref name="rank"/> goes on <paramref name="symbol"/>, failure links followed.</summary>
    public int Delta(int rank, int symbol) => delta[(rank * classCount) + symbol];

    /// <summary>Builds the trie of <paramref name="symbols"/> (one sequence per pattern) with full transitions for <paramref name="denseStates"/> states.</summary>
    public static AutomatonTrie Build(SymbolSequences symbols, int classCount, int denseStates)
    {
        var ids = SortedIds(symbols);
        var trie = new AutomatonTrie(classCount, StatesOf(ids, symbols), symbols.Count);
        trie.InsertSorted(ids, symbols);
        trie.OrderBreadthFirst();
        trie.ChooseDense(Math.Clamp(denseStates, 1, trie.Count));
        trie.Link();
        return trie;
    }

    /// <summary>The child of <paramref name="state"/> on <paramref name="symbol"/>, or 0 (the root is nobody's child).</summary>
    public int Find(int state, int symbol)
    {
        for (var child = firstChild[state]; child != 0; child = nextSibling[child])
        {
            if (label[child] == symbol)
            {
                return child;
            }
        }

        return 0;
    }

    /// <summary>
    /// Output pattern ids per accepting state, each list after its length: a state's own patterns in id order, then its
    /// failure link's, as in any Aho-Corasick automaton. <see cref="OutputAt"/> gives where a state's list starts.
    /// </summary>
    public int[] Outputs()
    {
        var ownStart = new int[Count + 1];
        foreach (var state in finalState)
        {
            ownStart[state + 1]++;
        }

        for (var s = 0; s < Count; s++)
        {
            ownStart[s + 1] += ownStart[s];
        }

        // outputAt, numbered only below, serves as each state's cursor meanwhile: one array fewer of a state each.
        var own = new int[finalState.Length];
        ownStart.AsSpan(0, Count).CopyTo(outputAt);
        for (var id = 0; id < finalState.Length; id++)
        {
            own[outputAt[finalState[id]]++] = id;
        }

        var length = 0;
        for (var s = 1; s < Count; s++)
        {
            if (outputCount[s] > 0)
            {
                outputAt[s] = length;
                length += 1 + outputCount[s];
            }
        }

        var outputs = new int[length];
        for (var s = 1; s < Count; s++)
        {
            if (outputCount[s] == 0)
            {
                continue;
            }

            var at = outputAt[s];
            outputs[at++] = outputCount[s];
            for (var t = s; t != 0 && outputCount[t] > 0; t = fail[t])
            {
                own.AsSpan(ownStart[t], ownStart[t + 1] - ownStart[t]).CopyTo(outputs.AsSpan(at));
                at += ownStart[t + 1] - ownStart[t];
            }
        }

        return outputs;
    }

    /// <summary>Where an accepting state's output list starts in <see cref="Outputs"/>, once that has run.</summary>
    public int OutputAt(int state) => outputAt[state];

    /// <summary>The pattern ids in the order of their sequences.</summary>
    private static int[] SortedIds(SymbolSequences symbols)
    {
        var ids = new int[symbols.Count];
        for (var id = 0; id < ids.Length; id++)
        {
            ids[id] = id;
        }

        SortBySymbols(ids, symbols);
        return ids;
    }

    /// <summary>
    /// The states the sorted insertion creates, the root included: each sequence adds what it does not share with the one
    /// before. Every array of the trie is that long: the sum of the lengths is twice that at 100,000 names.
    /// </summary>
    private static int StatesOf(int[] sortedIds, SymbolSequences symbols)
    {
        var states = 1;
        ReadOnlySpan<byte> previous = [];
        foreach (var id in sortedIds)
        {
            states += symbols[id].Length - previous.CommonPrefixLength(symbols[id]);
            previous = symbols[id];
        }

        return states;
    }

    private void InsertSorted(int[] ids, SymbolSequences symbols)
    {
        MaxSymbols = symbols.MaxLength;
        var path = new int[MaxSymbols + 1];
        ReadOnlySpan<byte> previous = [];
        foreach (var id in ids)
        {
            var sequence = symbols[id];
            var shared = previous.CommonPrefixLength(sequence);
            for (var depth = shared; depth < sequence.Length; depth++)
            {
                var created = Count++;
                label[created] = sequence[depth];
                nextSibling[created] = firstChild[path[depth]];
                firstChild[path[depth]] = created;
                path[depth + 1] = created;
            }

            finalState[id] = path[sequence.Length];
            outputCount[path[sequence.Length]]++;
            previous = sequence;
        }
    }

    /// <summary>
    /// Sorts pattern ids by their sequences: by the first ten symbols packed in one number (each plus one, so a shorter
    /// sequence sorts first), then each run that shares them by comparing the rest — a watchlist's names mostly differ early.
    /// </summary>
    private static void SortBySymbols(int[] ids, SymbolSequences symbols)
    {
        const int Packed = 10;
        var keys = new ulong[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var sequence = symbols[ids[i]];
            for (var k = 0; k < Packed; k++)
            {
                keys[i] = (keys[i] << 6) | (k < sequence.Length ? (ulong)sequence[k] + 1 : 0);
            }
        }

        SortByKeys(keys, ids);
        var bySymbols = Comparer<int>.Create((a, b) => symbols[a].SequenceCompareTo(symbols[b]));
        var from = 0;
        while (from < ids.Length)
        {
            var to = from + 1;
            while (to < ids.Length && keys[to] == keys[from])
            {
                to++;
            }

            if (to - from > 1)
            {
                Array.Sort(ids, from, to - from, bySymbols);
            }

            from = to;
        }
    }

    /// <summary>
    /// Sorts <paramref name="keys"/> with <paramref name="ids"/> alongside, twelve bits a pass from the lowest: the packed
    /// keys use 60 bits, so five passes, each a count and a move, where a comparison sort of 100,000 keys takes twice as
    /// long. Equal keys keep their order, which the sort of each run of equal keys then settles.
    /// </summary>
    private static void SortByKeys(ulong[] keys, int[] ids)
    {
        const int Bits = 12;
        const int Passes = 5;
        var otherKeys = new ulong[keys.Length];
        var otherIds = new int[ids.Length];
        var counts = new int[1 << Bits];
        var (fromKeys, fromIds, toKeys, toIds) = (keys, ids, otherKeys, otherIds);
        for (var pass = 0; pass < Passes; pass++)
        {
            var shift = pass * Bits;
            Array.Clear(counts);
            foreach (var key in fromKeys)
            {
                counts[(int)(key >> shift) & ((1 << Bits) - 1)]++;
            }

            for (int digit = 0, next = 0; digit < counts.Length; digit++)
            {
                (counts[digit], next) = (next, next + counts[digit]);
            }

            for (var i = 0; i < fromKeys.Length; i++)
            {
                var at = counts[(int)(fromKeys[i] >> shift) & ((1 << Bits) - 1)]++;
                toKeys[at] = fromKeys[i];
                toIds[at] = fromIds[i];
            }

            (fromKeys, fromIds, toKeys, toIds) = (toKeys, toIds, fromKeys, fromIds);
        }

        // An odd number of passes leaves the sorted order in the other arrays.
        fromKeys.CopyTo(keys, 0);
        fromIds.CopyTo(ids, 0);
    }

    /// <summary>Numbers the states breadth first: every state comes after its parent, and after its failure link's target.</summary>
    private void OrderBreadthFirst()
    {
        var tail = 1;
        for (var head = 0; head < tail; head++)
        {
            for (var u = firstChild[order[head]]; u != 0; u = nextSibling[u])
            {
                order[tail++] = u;
            }
        }
    }

    /// <summary>
    /// Gives full rows to the <paramref name="count"/> states the most patterns pass through, the shallower first among
    /// equals, ranked in breadth-first order. A state's count never exceeds its parent's, so every chosen state's parent is
    /// chosen too, and the root and the start state, which every pattern passes, always are.
    /// </summary>
    private void ChooseDense(int count)
    {
        var through = new int[Count];
        foreach (var state in finalState)
        {
            through[state]++;
        }

        // Children are numbered after their parents (depth first), so one backward pass sums every subtree.
        for (var s = Count - 1; s >= 0; s--)
        {
            for (var u = firstChild[s]; u != 0; u = nextSibling[u])
            {
                through[s] += through[u];
            }
        }

        // The least count a dense state may have, and how many states with exactly that count still fit.
        var states = new int[finalState.Length + 1];
        foreach (var t in through.AsSpan(0, Count))
        {
            states[t]++;
        }

        var least = states.Length - 1;
        var above = 0;
        while (above + states[least] < count)
        {
            above += states[least--];
        }

        var roomAtLeast = count - above;
        DenseCount = count;
        denseRank = new int[Count];
        denseStates = new int[count];
        delta = new int[count * classCount];
        var rank = 0;
        for (var index = 0; index < Count; index++)
        {
            var s = order[index];
            var dense = through[s] > least || (through[s] == least && roomAtLeast-- > 0);
            denseRank[s] = dense ? rank : -1;
            if (dense)
            {
                denseStates[rank++] = s;
            }
        }
    }

    /// <summary>
    /// Failure links, in breadth-first order: a child's link is where its parent's link goes on the same symbol. The dense
    /// states' full rows are filled on the way, so most of those lookups are one array read.
    /// </summary>
    private void Link()
    {
        for (var index = 0; index < Count; index++)
        {
            var r = order[index];
            for (var u = firstChild[r]; u != 0; u = nextSibling[u])
            {
                var f = r == 0 ? 0 : Next(fail[r], label[u]);
                fail[u] = f;
                outputCount[u] += outputCount[f];
            }

            if (denseRank[r] is var rank and >= 0)
            {
                var row = delta.AsSpan(rank * classCount, classCount);
                for (var c = 0; c < classCount; c++)
                {
                    row[c] = r == 0 ? 0 : Next(fail[r], c);
                }

                for (var u = firstChild[r]; u != 0; u = nextSibling[u])
                {
                    row[label[u]] = u;
                }
            }
        }
    }

    /// <summary>
    /// Where <paramref name="state"/> goes on <paramref name="symbol"/>, read from its full row when it has one: a failure
    /// link leads to an earlier state in breadth-first order, whose row <see cref="Link"/> has filled.
    /// </summary>
    private int Next(int state, int symbol)
    {
        while (true)
        {
            if (denseRank[state] is var rank and >= 0)
            {
                return delta[(rank * classCount) + symbol];
            }

            var child = Find(state, symbol);
            if (child != 0 || state == 0)
            {
                return child;
            }

            state = fail[state];
        }
    }
}

/// <summary>Every pattern's symbol sequence in one array, pattern <c>id</c>'s from <c>Starts[id]</c> to <c>Starts[id + 1]</c>: one object, where 100,000 arrays would each cost the collector.</summary>
internal readonly record struct SymbolSequences(byte[] Symbols, int[] Starts)
{
    public int Count => Starts.Length - 1;

    public ReadOnlySpan<byte> this[int id] => Symbols.AsSpan(Starts[id], Starts[id + 1] - Starts[id]);

    public int MaxLength
    {
        get
        {
            var max = 0;
            for (var id = 0; id < Count; id++)
            {
                max = Math.Max(max, Starts[id + 1] - Starts[id]);
            }

            return max;
        }
    }
}
