using System.Numerics;

namespace NewsMonitor.Matching;

/// <summary>
/// Where each state's row of an <see cref="AutomatonTables"/> starts, and the slots themselves: full rows for the
/// trie's dense states, in breadth-first order at the front; the other rows first fit after them, depth first, each
/// needing its own transitions' slots and its failure link's. A joiner leaves the state as it is: full rows say so in
/// their joiner's slot, except an accepting state's, whose joiner's slot points at its outputs, as a sparse row's does.
/// </summary>
internal sealed class AutomatonLayout
{
    /// <summary>A free slot: a class no symbol has.</summary>
    public const int EmptySlot = AutomatonTables.ClassMask;

    /// <summary>The class code of a failure link's slot, which no symbol has either.</summary>
    public const int FailureSlot = AutomatonTables.ClassMask - 1;

    /// <summary>The class code of the slot that points an accepting state at its outputs.</summary>
    public const int OutputSlot = AutomatonTables.ClassMask - 2;

    /// <summary>How far back first fit looks for free slots: older holes are left, which bounds the build's time.</summary>
    private const int PlacementWindow = 256;

    private readonly AutomatonTrie trie;
    private readonly int classCount;

    /// <summary>A bit per slot, set where the slot is taken.</summary>
    private ulong[] used;

    /// <summary>A bit per slot, set where a row starts: two states never share a row.</summary>
    private ulong[] rowStarts;
    private int top;

    private AutomatonLayout(AutomatonTrie trie, int classCount)
    {
        this.trie = trie;
        this.classCount = classCount;
        var words = (((trie.DenseCount * classCount) + (3 * trie.Count) + (2 * classCount)) >> 6) + 2;
        used = new ulong[words];
        rowStarts = new ulong[words];
        RowOf = new int[trie.Count];
    }

    /// <summary>The row of every trie state.</summary>
    public int[] RowOf { get; }

    /// <summary>Slots in use: one row past the last row's start.</summary>
    public int Length => top + classCount;

    public static AutomatonLayout Place(AutomatonTrie trie, int classCount)
    {
        var layout = new AutomatonLayout(trie, classCount);
        layout.PlaceDense();
        layout.PlaceSparse();
        if (layout.Length >= 1 << (31 - AutomatonTables.TargetShift))
        {
            throw new InvalidOperationException($"the watchlist's {trie.Count:N0} automaton states need {layout.Length:N0} slots, more than a slot can address");
        }

        return layout;
    }

    /// <summary>
    /// The slots: every class of a full row but joiners', a sparse row's own transitions, every row's failure link, an
    /// accepting row's outputs, free slots matching no class.
    /// </summary>
    public int[] Fill()
    {
        var slots = new int[Length];
        Array.Fill(slots, EmptySlot);
        for (var s = 0; s < trie.Count; s++)
        {
            var row = RowOf[s];
            slots[row + AutomatonTables.ExpandClass] = Slot(RowOf[trie.Fail(s)], false, FailureSlot);
            if (trie.Accepting(s))
            {
                slots[row + AutomatonTables.JoinerClass] = Slot(trie.OutputAt(s), false, OutputSlot);
            }

            if (trie.EndsWithSeparator(s))
            {
                slots[row + AutomatonTables.SeparatorClass] = Slot(row, false, AutomatonTables.SeparatorClass);
            }

            if (!trie.IsDense(s))
            {
                for (var u = trie.FirstChild(s); u != 0; u = trie.NextSibling(u))
                {
                    slots[row + trie.Label(u)] = Slot(RowOf[u], trie.Accepting(u), trie.Label(u));
                }
            }
        }

        for (var rank = 0; rank < trie.DenseCount; rank++)
        {
            var s = trie.DenseState(rank);
            for (var c = 0; c < classCount; c++)
            {
                if (c == AutomatonTables.JoinerClass && !trie.Accepting(s))
                {
                    // Combining marks and zero-width characters are joiners, common in some scripts: a full row keeps them fast.
                    slots[RowOf[s] + c] = Slot(RowOf[s], false, c);
                }
                else if (c is not (AutomatonTables.ExpandClass or AutomatonTables.JoinerClass) && !(c == AutomatonTables.SeparatorClass && trie.EndsWithSeparator(s)))
                {
                    var target = trie.Delta(rank, c);
                    slots[RowOf[s] + c] = Slot(RowOf[target], trie.Accepting(target), c);
                }
            }
        }

        return slots;
    }

    private static int Slot(int target, bool accepting, int symbol) =>
        (target << AutomatonTables.TargetShift) | (accepting ? AutomatonTables.AcceptFlag : 0) | symbol;

    private void PlaceDense()
    {
        for (var rank = 0; rank < trie.DenseCount; rank++)
        {
            var row = rank * classCount;
            RowOf[trie.DenseState(rank)] = row;
            Take(rowStarts, row);
            for (var c = 0; c < classCount; c++)
            {
                Take(used, row + c);
            }
        }

        top = (trie.DenseCount - 1) * classCount;
    }

    /// <summary>The trie numbers its states depth first, so the states along one name land near each other.</summary>
    private void PlaceSparse()
    {
        var symbols = new List<int>(classCount);
        for (var s = 1; s < trie.Count; s++)
        {
            if (trie.IsDense(s))
            {
                continue;
            }

            symbols.Clear();
            symbols.Add(AutomatonTables.ExpandClass);
            for (var u = trie.FirstChild(s); u != 0; u = trie.NextSibling(u))
            {
                symbols.Add(trie.Label(u));
            }

            if (trie.EndsWithSeparator(s))
            {
                symbols.Add(AutomatonTables.SeparatorClass);
            }

            if (trie.Accepting(s))
            {
                symbols.Add(AutomatonTables.JoinerClass);
            }

            RowOf[s] = FirstFit(symbols, Math.Max(0, top - PlacementWindow));
        }
    }

    /// <summary>The first unused row from <paramref name="from"/> on whose slots for <paramref name="symbols"/> are all free.</summary>
    /// <remarks>Sixty-four rows are tried at once: a row fits where no bit of its start or its symbols' slots is set.</remarks>
    private int FirstFit(List<int> symbols, int from)
    {
        for (var word = from >> 6; ; word++)
        {
            // Classes are fewer than 64, so the slots of this word's rows lie in this word of bits and the next.
            EnsureCapacity(word + 2);
            var fits = ~rowStarts[word] & (ulong.MaxValue << (word == from >> 6 ? from & 63 : 0));
            for (var i = 0; i < symbols.Count && fits != 0; i++)
            {
                fits &= ~TakenFrom((word << 6) + symbols[i]);
            }

            if (fits != 0)
            {
                var row = (word << 6) + BitOperations.TrailingZeroCount(fits);
                Take(rowStarts, row);
                foreach (var c in symbols)
                {
                    Take(used, row + c);
                }

                top = Math.Max(top, row);
                return row;
            }
        }
    }

    /// <summary>The taken bits of the 64 slots from <paramref name="slot"/> on.</summary>
    private ulong TakenFrom(int slot)
    {
        var shift = slot & 63;
        var low = used[slot >> 6] >> shift;
        return shift == 0 ? low : low | (used[(slot >> 6) + 1] << (64 - shift));
    }

    private static void Take(ulong[] bits, int slot) => bits[slot >> 6] |= 1UL << (slot & 63);

    private void EnsureCapacity(int words)
    {
        if (words > used.Length)
        {
            var size = Math.Max(words, used.Length * 2);
            Array.Resize(ref used, size);
            Array.Resize(ref rowStarts, size);
        }
    }
}
