namespace NewsMonitor.Matching;

/// <summary>
/// The tables of a <see cref="TermAutomaton"/>: the character classes, the transitions as rows displaced into one
/// array (a base/check table whose check is the slot's class), and the outputs of the accepting states.
/// </summary>
/// <remarks>
/// A state is the index of its row in <see cref="Slots"/>; the slot for class <c>c</c> is <c>state + c</c>. Every state has
/// its own row index, so a slot whose class is <c>c</c> can only belong to the state at <c>slot − c</c>: storing the
/// class is enough to tell a state's slots from its neighbours'. The slot of the expand class, which no transition
/// uses, holds the state's failure link. The states the most patterns pass through get full rows (every class resolved
/// through the failure links, as in a DFA) up to <see cref="DenseSlots"/>, the size that stays in a core's cache; the
/// other states keep only their own transitions, placed first-fit in depth-first order so a walk down one
/// name reads neighbouring slots. A joiner stays in its state (see <see cref="AutomatonLayout"/>); the joiner's slot of an
/// accepting state's row points at its outputs.
/// </remarks>
internal sealed class AutomatonTables
{
    public const int SeparatorClass = 0;
    public const int JoinerClass = 1;
    public const int ExpandClass = 2;
    public const int OtherClass = 3;
    public const int SharedClass = 4;
    public const int FirstLetterClass = 5;
    public const int MaxLetterClasses = 27;

    /// <summary>A slot: the target state above <see cref="TargetShift"/>, whether the target accepts, and the class (6 bits).</summary>
    public const int ClassMask = 63;
    public const int AcceptFlag = 64;
    public const int CodeMask = ClassMask | AcceptFlag;
    public const int TargetShift = 7;

    /// <summary>Slots in full rows by default: 1 MB, which the hot states fill and which stays in a core's L2 cache.</summary>
    public const int DenseSlots = 256 * 1024;

    private AutomatonTables(byte[] classOf, int[] slots, int[] outputs, int start, bool[] needsVerification, int maxSymbols)
    {
        ClassOf = classOf;
        Slots = slots;
        Outputs = outputs;
        Start = start;
        NeedsVerification = needsVerification;
        MaxSymbols = maxSymbols;
    }

    /// <summary>The class of every UTF-16 code unit.</summary>
    public byte[] ClassOf { get; }

    public int[] Slots { get; }

    /// <summary>Each accepting state's pattern ids, after their count.</summary>
    public int[] Outputs { get; }

    /// <summary>The state after the virtual separator before the text.</summary>
    public int Start { get; }

    public bool[] NeedsVerification { get; }

    /// <summary>The most symbols in one pattern, which bounds how far back a segment's warm-up must read.</summary>
    public int MaxSymbols { get; }

    public long Bytes => ClassOf.Length + (4L * (Slots.Length + Outputs.Length)) + NeedsVerification.Length;

    /// <summary>The state a state's failure link leads to.</summary>
    public int FailureOf(int state) => Slots[state + ExpandClass] >> TargetShift;

    /// <summary>The ids of the patterns an accepting state reports.</summary>
    public ReadOnlySpan<int> OutputsOf(int state)
    {
        var start = Slots[state + JoinerClass] >> TargetShift;
        return Outputs.AsSpan(start + 1, Outputs[start]);
    }

    public static AutomatonTables Build(IReadOnlyList<AutomatonPattern> patterns, int denseSlots = DenseSlots)
    {
        var (alphabet, classCount) = Alphabet(patterns);
        var (symbols, needsVerification) = Encode(patterns, alphabet);
        var trie = AutomatonTrie.Build(symbols, classCount, denseSlots / classCount);
        var outputs = trie.Outputs();
        var layout = AutomatonLayout.Place(trie, classCount);
        var start = layout.RowOf[trie.Find(0, SeparatorClass)];
        return new AutomatonTables(ClassMap(alphabet), layout.Fill(), outputs, start, needsVerification, trie.MaxSymbols);
    }

    /// <summary>
    /// Every pattern as <c>SEP word SEP word … SEP</c> (no last separator for a prefix), in one array, and for each whether
    /// a character fell in the shared class.
    /// </summary>
    private static (SymbolSequences Sequences, bool[] Shared) Encode(IReadOnlyList<AutomatonPattern> patterns, byte[] alphabet)
    {
        var starts = new int[patterns.Count + 1];
        for (var id = 0; id < patterns.Count; id++)
        {
            var length = patterns[id].Prefix ? 0 : 1;
            foreach (var word in patterns[id].Words.Span)
            {
                length += word.Length + 1;
            }

            starts[id + 1] = starts[id] + length;
        }

        var symbols = new byte[starts[^1]];
        var shared = new bool[patterns.Count];
        for (var id = 0; id < patterns.Count; id++)
        {
            var at = starts[id];
            foreach (var word in patterns[id].Words.Span)
            {
                symbols[at++] = SeparatorClass;
                foreach (var c in word)
                {
                    shared[id] |= alphabet[c] == SharedClass;
                    symbols[at++] = alphabet[c];
                }
            }

            if (!patterns[id].Prefix)
            {
                symbols[at] = SeparatorClass;
            }
        }

        return (new SymbolSequences(symbols, starts), shared);
    }

    /// <summary>The characters most patterns use get classes of their own; the rest share one.</summary>
    private static (byte[] Alphabet, int ClassCount) Alphabet(IReadOnlyList<AutomatonPattern> patterns)
    {
        var frequency = new int[char.MaxValue + 1];
        foreach (var pattern in patterns)
        {
            foreach (var word in pattern.Words.Span)
            {
                foreach (var c in word)
                {
                    frequency[c]++;
                }
            }
        }

        // A loop, not a query: 65,536 delegate calls took a millisecond, a tenth of a 10,000-name build.
        var used = new List<int>();
        for (var c = 0; c < frequency.Length; c++)
        {
            if (frequency[c] > 0)
            {
                used.Add(c);
            }
        }

        used.Sort((a, b) => frequency[a] != frequency[b] ? frequency[b].CompareTo(frequency[a]) : a.CompareTo(b));
        var alphabet = new byte[char.MaxValue + 1];
        for (var rank = 0; rank < used.Count; rank++)
        {
            alphabet[used[rank]] = rank < MaxLetterClasses ? (byte)(FirstLetterClass + rank) : (byte)SharedClass;
        }

        return (alphabet, FirstLetterClass + Math.Min(MaxLetterClasses, used.Count));
    }

    private static byte[] ClassMap(byte[] alphabet)
    {
        var kinds = CharFolding.Kinds;
        var singles = CharFolding.Singles;
        var map = new byte[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            map[c] = kinds[c] switch
            {
                CharFolding.Word => alphabet[singles[c]] is var symbol and not 0 ? symbol : (byte)OtherClass,
                CharFolding.Ignorable => JoinerClass,
                CharFolding.Expand => ExpandClass,
                _ => SeparatorClass,
            };
        }

        return map;
    }
}
