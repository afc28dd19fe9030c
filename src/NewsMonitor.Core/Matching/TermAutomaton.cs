using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NewsMonitor.Matching;

/// <summary>A word sequence for <see cref="TermAutomaton"/>, in folded form; <see cref="Prefix"/> lets the last word be the start of a longer word.</summary>
internal readonly record struct AutomatonPattern(string[] Words, bool Prefix);

/// <summary>
/// An Aho-Corasick automaton compiled to a full transition table over folded character classes, so finding every
/// pattern in a text costs two table loads per character whatever the number of patterns. Patterns are encoded as
/// <c>SEP word SEP word … SEP</c> and the text is read as if wrapped in separators, with a run of separators or joiners
/// acting as one, which makes every match a whole-word match. A transition into an accepting state is stored negated,
/// so one sign test per step finds matches. The most frequent pattern characters get classes of their own and the
/// rest share one, which keeps rows short for large watchlists; a pattern with a shared-class character is reported
/// as a candidate that the caller verifies (<see cref="NeedsVerification"/>). Texts longer than a few hundred characters
/// are scanned as four interleaved segments, each warmed up on the text before it and checked against its neighbour's
/// end state, so the four dependent load chains overlap in the CPU without changing the result.
/// </summary>
internal sealed class TermAutomaton
{
    private const int SeparatorClass = 0;
    private const int JoinerClass = 1;
    private const int ExpandClass = 2;
    private const int OtherClass = 3;
    private const int SharedClass = 4;
    private const int FirstLetterClass = 5;
    private const int MaxLetterClasses = 27;
    private const int MinSegment = 256;

    private readonly byte[] classOf;
    private readonly int classCount;
    private readonly int[] delta;
    private readonly int escape;
    private readonly int start;
    private readonly int[] outputStart;
    private readonly int[] outputs;
    private readonly bool[] needsVerification;
    private readonly int overlap;

    public TermAutomaton(IReadOnlyList<AutomatonPattern> patterns)
    {
        // The characters most patterns use get classes of their own; the rest share one.
        var frequency = new Dictionary<char, int>();
        foreach (var pattern in patterns)
        {
            foreach (var c in pattern.Words.SelectMany(w => w))
            {
                frequency[c] = frequency.GetValueOrDefault(c) + 1;
            }
        }

        var alphabet = new Dictionary<char, byte>();
        foreach (var c in frequency.OrderByDescending(f => f.Value).ThenBy(f => f.Key).Select(f => f.Key))
        {
            alphabet[c] = alphabet.Count < MaxLetterClasses ? (byte)(FirstLetterClass + alphabet.Count) : (byte)SharedClass;
        }

        classCount = FirstLetterClass + Math.Min(MaxLetterClasses, alphabet.Count);
        classOf = BuildClassMap(alphabet);
        needsVerification = patterns.Select(p => p.Words.Any(w => w.Any(c => alphabet[c] == SharedClass))).ToArray();

        var trieBound = 1 + patterns.Sum(p => p.Words.Sum(w => w.Length + 1) + 1);
        var builder = new TrieBuilder(classCount, trieBound, extraRows: patterns.Count + 1);
        var maxSymbols = 0;
        for (var id = 0; id < patterns.Count; id++)
        {
            maxSymbols = Math.Max(maxSymbols, builder.Insert(patterns[id], id, alphabet));
        }

        overlap = (2 * maxSymbols) + 32;
        (delta, escape, start, outputStart, outputs) = builder.Compile(patterns.Count);
    }

    /// <summary>Bytes held by the transition table and class map.</summary>
    public long TableBytes => ((long)delta.Length * sizeof(int)) + classOf.Length;

    /// <summary>True for a pattern with a character in the shared class: its hits are candidates to compare with the text.</summary>
    public bool NeedsVerification(int patternId) => needsVerification[patternId];

    /// <summary>Finds every pattern occurrence; <see cref="AutomatonScratch.Hits"/> holds them in text order. Allocates nothing once the scratch has grown.</summary>
    public void Scan(ReadOnlySpan<char> text, AutomatonScratch scratch)
    {
        var hits = scratch.Hits;
        hits.Clear();
        var state = text.Length < 4 * MinSegment ? Run(text, 0, text.Length, start, hits) : ScanInterleaved(text, scratch);
        var end = delta[state + SeparatorClass];
        if (end < 0 && ~end != escape)
        {
            hits.Add(text.Length, ~end);
        }
    }

    /// <summary>The ids of the patterns that end at an accepting state reported in a hit.</summary>
    public ReadOnlySpan<int> OutputsOf(int state)
    {
        var index = state / classCount;
        return outputs.AsSpan(outputStart[index], outputStart[index + 1] - outputStart[index]);
    }

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

        var w1 = Run(text, Math.Max(0, b1 - overlap), b1, start, null);
        var w2 = Run(text, b2 - overlap, b2, start, null);
        var w3 = Run(text, b3 - overlap, b3, start, null);

        int s0 = start, s1 = w1, s2 = w2, s3 = w3;
        AutomatonHits h0 = streams[0], h1 = streams[1], h2 = streams[2], h3 = streams[3];
        ref var d = ref MemoryMarshal.GetArrayDataReference(delta);
        ref var cls = ref MemoryMarshal.GetArrayDataReference(classOf);
        ref var t0 = ref MemoryMarshal.GetReference(text);
        ref var t1 = ref Unsafe.Add(ref t0, b1);
        ref var t2 = ref Unsafe.Add(ref t0, b2);
        ref var t3 = ref Unsafe.Add(ref t0, b3);
        for (var j = 0; j < segment; j++)
        {
            var n0 = Unsafe.Add(ref d, s0 + Unsafe.Add(ref cls, Unsafe.Add(ref t0, j)));
            var n1 = Unsafe.Add(ref d, s1 + Unsafe.Add(ref cls, Unsafe.Add(ref t1, j)));
            var n2 = Unsafe.Add(ref d, s2 + Unsafe.Add(ref cls, Unsafe.Add(ref t2, j)));
            var n3 = Unsafe.Add(ref d, s3 + Unsafe.Add(ref cls, Unsafe.Add(ref t3, j)));
            if ((n0 | n1 | n2 | n3) < 0)
            {
                if (n0 < 0)
                {
                    n0 = Accept(text, j, s0, ~n0, h0);
                }

                if (n1 < 0)
                {
                    n1 = Accept(text, b1 + j, s1, ~n1, h1);
                }

                if (n2 < 0)
                {
                    n2 = Accept(text, b2 + j, s2, ~n2, h2);
                }

                if (n3 < 0)
                {
                    n3 = Accept(text, b3 + j, s3, ~n3, h3);
                }
            }

            s0 = n0;
            s1 = n1;
            s2 = n2;
            s3 = n3;
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

    private int Run(ReadOnlySpan<char> text, int from, int to, int state, AutomatonHits? hits)
    {
        ref var d = ref MemoryMarshal.GetArrayDataReference(delta);
        ref var cls = ref MemoryMarshal.GetArrayDataReference(classOf);
        ref var t = ref MemoryMarshal.GetReference(text);
        for (var i = from; i < to; i++)
        {
            var next = Unsafe.Add(ref d, state + Unsafe.Add(ref cls, Unsafe.Add(ref t, i)));
            if (next < 0)
            {
                next = Accept(text, i, state, ~next, hits);
            }

            state = next;
        }

        return state;
    }

    /// <summary>Records an accepting state, or takes the slow path for a character that folds to several.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Accept(ReadOnlySpan<char> text, int position, int previous, int target, AutomatonHits? hits)
    {
        if (target == escape)
        {
            return Expand(text, position, previous, hits);
        }

        hits?.Add(position, target);
        return target;
    }

    /// <summary>Feeds a character that folds to several (ß, a surrogate pair) one folded character at a time.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Expand(ReadOnlySpan<char> text, int position, int previous, AutomatonHits? hits)
    {
        var folded = CharFolding.FoldAt(text, position, out _);
        if (folded is null)
        {
            return Step(previous, SeparatorClass, position, hits);
        }

        var state = previous;
        foreach (var c in folded)
        {
            var symbol = classOf[c];
            state = Step(state, symbol is SeparatorClass or JoinerClass or ExpandClass ? OtherClass : symbol, position, hits);
        }

        return state;
    }

    private int Step(int state, int symbol, int position, AutomatonHits? hits)
    {
        var next = delta[state + symbol];
        if (next < 0)
        {
            next = ~next;
            hits?.Add(position, next);
        }

        return next;
    }

    private static byte[] BuildClassMap(Dictionary<char, byte> alphabet)
    {
        var kinds = CharFolding.Kinds;
        var singles = CharFolding.Singles;
        var map = new byte[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            map[c] = kinds[c] switch
            {
                CharFolding.Word => alphabet.TryGetValue(singles[c], out var symbol) ? symbol : (byte)OtherClass,
                CharFolding.Ignorable => JoinerClass,
                CharFolding.Expand => ExpandClass,
                _ => SeparatorClass,
            };
        }

        return map;
    }

    /// <summary>Builds the trie in the final table, then the failure links, the twins of accepting states and the encoding the scan relies on.</summary>
    private sealed class TrieBuilder
    {
        private readonly int classCount;
        private readonly int[] table;
        private readonly bool[] endsWithSeparator;
        private readonly List<int>?[] own;
        private int count = 1;

        /// <param name="maxStates">An upper bound on trie states.</param>
        /// <param name="extraRows">Room for the twins and the escape row, so the table is allocated once and becomes the transition table.</param>
        public TrieBuilder(int classCount, int maxStates, int extraRows)
        {
            this.classCount = classCount;
            endsWithSeparator = new bool[maxStates];
            own = new List<int>?[maxStates];
            table = new int[(maxStates + extraRows) * classCount];
            Array.Fill(table, -1);
        }

        public int Insert(AutomatonPattern pattern, int id, Dictionary<char, byte> alphabet)
        {
            var state = 0;
            var symbols = 0;
            foreach (var word in pattern.Words)
            {
                state = Child(state, SeparatorClass, true);
                symbols++;
                foreach (var c in word)
                {
                    state = Child(state, alphabet[c], false);
                    symbols++;
                }
            }

            if (!pattern.Prefix)
            {
                state = Child(state, SeparatorClass, true);
                symbols++;
            }

            (own[state] ??= []).Add(id);
            return symbols;
        }

        public (int[] Delta, int Escape, int Start, int[] OutputStart, int[] Outputs) Compile(int patternCount)
        {
            var fail = new int[count];
            var outputsOf = new int[count][];
            var order = new Queue<int>();
            order.Enqueue(0);
            outputsOf[0] = [];
            while (order.TryDequeue(out var r))
            {
                var row = r * classCount;
                for (var a = 0; a < classCount; a++)
                {
                    var u = table[row + a];
                    if (u > 0)
                    {
                        var f = r == 0 ? 0 : table[(fail[r] * classCount) + a];
                        fail[u] = f;
                        outputsOf[u] = own[u] is { } mine ? [.. mine, .. outputsOf[f]] : outputsOf[f];
                        order.Enqueue(u);
                    }
                    else
                    {
                        table[row + a] = r == 0 ? 0 : table[(fail[r] * classCount) + a];
                    }
                }
            }

            // Rows after the trie: one twin per accepting state (same row, not accepting, where joiners and repeated
            // separators stay), then the escape row for characters that fold to several.
            var accepting = new bool[count];
            var twinOf = new int[count];
            var rows = count;
            for (var s = 0; s < count; s++)
            {
                if (outputsOf[s].Length > 0)
                {
                    accepting[s] = true;
                    twinOf[s] = rows++;
                }
            }

            var escapeRow = rows++;
            var delta = table;

            for (var s = 0; s < count; s++)
            {
                var stay = accepting[s] ? twinOf[s] : s;
                if (accepting[s])
                {
                    Array.Copy(delta, s * classCount, delta, twinOf[s] * classCount, classCount);
                    Override(delta, twinOf[s], stay, endsWithSeparator[s], escapeRow);
                }

                Override(delta, s, stay, endsWithSeparator[s], escapeRow);
            }

            var startState = delta[SeparatorClass];
            for (var a = 0; a < classCount; a++)
            {
                delta[(escapeRow * classCount) + a] = startState;
            }

            // Premultiply every target by the row length, and negate those that report: accepting states and the escape.
            for (var i = 0; i < rows * classCount; i++)
            {
                var target = delta[i];
                delta[i] = (target < count && accepting[target]) || target == escapeRow ? ~(target * classCount) : target * classCount;
            }

            var outputStart = new int[rows + 1];
            var outputs = new List<int>(patternCount);
            for (var s = 0; s < rows; s++)
            {
                outputStart[s] = outputs.Count;
                if (s < count)
                {
                    outputs.AddRange(outputsOf[s]);
                }
            }

            outputStart[rows] = outputs.Count;
            return (delta, escapeRow * classCount, startState * classCount, outputStart, [.. outputs]);
        }

        /// <summary>Joiners never change the state, nor does a separator after a separator; characters that fold to several escape to the slow path.</summary>
        private void Override(int[] delta, int row, int stay, bool endsWithSep, int escapeRow)
        {
            delta[(row * classCount) + JoinerClass] = stay;
            if (endsWithSep)
            {
                delta[(row * classCount) + SeparatorClass] = stay;
            }

            delta[(row * classCount) + ExpandClass] = escapeRow;
        }

        private int Child(int state, int symbol, bool isSeparator)
        {
            var slot = (state * classCount) + symbol;
            if (table[slot] > 0)
            {
                return table[slot];
            }

            var created = count++;
            table[slot] = created;
            endsWithSeparator[created] = isSeparator;
            return created;
        }
    }
}
