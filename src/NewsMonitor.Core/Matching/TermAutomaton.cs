using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NewsMonitor.Matching;

/// <summary>A word sequence for <see cref="TermAutomaton"/>, in folded form; <see cref="Prefix"/> lets the last word be the start of a longer word.</summary>
internal readonly record struct AutomatonPattern(string[] Words, bool Prefix);

/// <summary>
/// An Aho-Corasick automaton compiled to a full transition table over folded character classes, so finding every
/// pattern in a text costs two table loads per character whatever the number of patterns. Patterns are encoded as
/// <c>SEP word SEP word … SEP</c> and the text is read as if wrapped in separators, with a run of separators or joiners
/// acting as one, which makes every match a whole-word match. Texts longer than a few hundred characters are scanned
/// as four interleaved segments, each warmed up on the text before it and checked against its neighbour's end state,
/// so the four dependent load chains overlap in the CPU without changing the result.
/// </summary>
internal sealed class TermAutomaton
{
    private const int SeparatorClass = 0;
    private const int JoinerClass = 1;
    private const int ExpandClass = 2;
    private const int OtherClass = 3;
    private const int FirstLetterClass = 4;
    private const int MinSegment = 256;

    private readonly ushort[] classOf;
    private readonly int classCount;
    private readonly int[] delta;
    private readonly int acceptFrom;
    private readonly int escape;
    private readonly int start;
    private readonly int[] outputStart;
    private readonly int[] outputs;
    private readonly int overlap;

    public TermAutomaton(IReadOnlyList<AutomatonPattern> patterns)
    {
        var alphabet = new Dictionary<char, ushort>();
        foreach (var pattern in patterns)
        {
            foreach (var word in pattern.Words)
            {
                foreach (var c in word)
                {
                    alphabet.TryAdd(c, checked((ushort)(FirstLetterClass + alphabet.Count)));
                }
            }
        }

        classCount = FirstLetterClass + alphabet.Count;
        classOf = BuildClassMap(alphabet);

        var builder = new TrieBuilder(classCount);
        var maxSymbols = 0;
        for (var id = 0; id < patterns.Count; id++)
        {
            maxSymbols = Math.Max(maxSymbols, builder.Insert(patterns[id], id, alphabet));
        }

        overlap = (2 * maxSymbols) + 32;
        (delta, acceptFrom, escape, start, outputStart, outputs) = builder.Compile();
    }

    /// <summary>Bytes held by the transition table and class map, for the build-cost benchmark.</summary>
    public long TableBytes => ((long)delta.Length * sizeof(int)) + ((long)classOf.Length * sizeof(ushort));

    /// <summary>Finds every pattern occurrence; <see cref="AutomatonScratch.Hits"/> holds them in text order. Allocates nothing once the scratch has grown.</summary>
    public void Scan(ReadOnlySpan<char> text, AutomatonScratch scratch)
    {
        var hits = scratch.Hits;
        hits.Clear();
        int state;
        if (text.Length < 4 * MinSegment)
        {
            state = Run(text, 0, text.Length, start, hits);
        }
        else
        {
            state = ScanInterleaved(text, scratch);
        }

        var end = delta[state + SeparatorClass];
        if (end >= acceptFrom && end != escape)
        {
            hits.Add(text.Length, end);
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
        ref var d = ref MemoryMarshal.GetArrayDataReference(delta);
        ref var cls = ref MemoryMarshal.GetArrayDataReference(classOf);
        ref var t = ref MemoryMarshal.GetReference(text);
        var accept = acceptFrom;
        for (var j = 0; j < segment; j++)
        {
            var n0 = Unsafe.Add(ref d, s0 + Unsafe.Add(ref cls, Unsafe.Add(ref t, j)));
            var n1 = Unsafe.Add(ref d, s1 + Unsafe.Add(ref cls, Unsafe.Add(ref t, b1 + j)));
            var n2 = Unsafe.Add(ref d, s2 + Unsafe.Add(ref cls, Unsafe.Add(ref t, b2 + j)));
            var n3 = Unsafe.Add(ref d, s3 + Unsafe.Add(ref cls, Unsafe.Add(ref t, b3 + j)));
            if ((n0 >= accept) | (n1 >= accept) | (n2 >= accept) | (n3 >= accept))
            {
                if (n0 >= accept)
                {
                    n0 = Accept(text, j, s0, n0, streams[0]);
                }

                if (n1 >= accept)
                {
                    n1 = Accept(text, b1 + j, s1, n1, streams[1]);
                }

                if (n2 >= accept)
                {
                    n2 = Accept(text, b2 + j, s2, n2, streams[2]);
                }

                if (n3 >= accept)
                {
                    n3 = Accept(text, b3 + j, s3, n3, streams[3]);
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
            if (next >= acceptFrom)
            {
                next = Accept(text, i, state, next, hits);
            }

            state = next;
        }

        return state;
    }

    /// <summary>The rare path: record an accepting state, or feed a character that folds to several (ß, a surrogate pair) one by one.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Accept(ReadOnlySpan<char> text, int position, int previous, int next, AutomatonHits? hits)
    {
        if (next != escape)
        {
            hits?.Add(position, next);
            return next;
        }

        var folded = CharFolding.FoldAt(text, position, out _);
        if (folded is null)
        {
            next = delta[previous + SeparatorClass];
            if (next >= acceptFrom)
            {
                hits?.Add(position, next);
            }

            return next;
        }

        var state = previous;
        foreach (var c in folded)
        {
            var symbol = classOf[c];
            state = delta[state + (symbol < FirstLetterClass ? OtherClass : symbol)];
            if (state >= acceptFrom)
            {
                hits?.Add(position, state);
            }
        }

        return state;
    }

    private static ushort[] BuildClassMap(Dictionary<char, ushort> alphabet)
    {
        var kinds = CharFolding.Kinds;
        var singles = CharFolding.Singles;
        var map = new ushort[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            map[c] = kinds[c] switch
            {
                CharFolding.Word => alphabet.TryGetValue(singles[c], out var symbol) ? symbol : (ushort)OtherClass,
                CharFolding.Ignorable => JoinerClass,
                CharFolding.Expand => ExpandClass,
                _ => SeparatorClass,
            };
        }

        return map;
    }

    /// <summary>Builds the trie, then the failure links and the full table, then the twins and the state order the scan relies on.</summary>
    private sealed class TrieBuilder(int classCount)
    {
        private int[] table = Filled(classCount * 1024);
        private readonly List<bool> endsWithSeparator = [false];
        private readonly List<List<int>?> own = [null];
        private int count = 1;

        public int Insert(AutomatonPattern pattern, int id, Dictionary<char, ushort> alphabet)
        {
            var state = 0;
            var symbols = 0;
            for (var w = 0; w < pattern.Words.Length; w++)
            {
                state = Step(state, SeparatorClass, true);
                symbols++;
                foreach (var c in pattern.Words[w])
                {
                    state = Step(state, alphabet[c], false);
                    symbols++;
                }
            }

            if (!pattern.Prefix)
            {
                state = Step(state, SeparatorClass, true);
                symbols++;
            }

            (own[state] ??= []).Add(id);
            return symbols;
        }

        public (int[] Delta, int AcceptFrom, int Escape, int Start, int[] OutputStart, int[] Outputs) Compile()
        {
            var fail = new int[count];
            var outputsOf = new int[count][];
            var order = new List<int>(count) { 0 };
            outputsOf[0] = [];
            for (var head = 0; head < order.Count; head++)
            {
                var r = order[head];
                var rowR = r * classCount;
                for (var a = 0; a < classCount; a++)
                {
                    var u = table[rowR + a];
                    if (u >= 0 && u != r)
                    {
                        var f = r == 0 ? 0 : table[(fail[r] * classCount) + a];
                        fail[u] = f;
                        outputsOf[u] = own[u] is { } mine ? [.. mine, .. outputsOf[f]] : outputsOf[f];
                        order.Add(u);
                    }
                    else
                    {
                        table[rowR + a] = r == 0 ? 0 : table[(fail[r] * classCount) + a];
                    }
                }
            }

            var accepting = new bool[count];
            var acceptingCount = 0;
            for (var s = 0; s < count; s++)
            {
                accepting[s] = outputsOf[s].Length > 0;
                acceptingCount += accepting[s] ? 1 : 0;
            }

            // New order: plain states, then the twins of accepting states, then accepting states, then the escape state.
            var plainCount = count - acceptingCount;
            var total = count + acceptingCount + 1;
            var newIndex = new int[count];
            var twinIndex = new int[count];
            int nextPlain = 0, nextTwin = plainCount, nextAccepting = plainCount + acceptingCount;
            for (var s = 0; s < count; s++)
            {
                if (accepting[s])
                {
                    twinIndex[s] = nextTwin++;
                    newIndex[s] = nextAccepting++;
                }
                else
                {
                    newIndex[s] = nextPlain++;
                }
            }

            var escapeIndex = total - 1;
            var delta = new int[total * classCount];
            for (var s = 0; s < count; s++)
            {
                var stay = accepting[s] ? twinIndex[s] : newIndex[s];
                WriteRow(delta, newIndex[s], s, stay, newIndex, escapeIndex);
                if (accepting[s])
                {
                    WriteRow(delta, twinIndex[s], s, stay, newIndex, escapeIndex);
                }
            }

            var startIndex = newIndex[table[SeparatorClass]];
            for (var a = 0; a < classCount; a++)
            {
                delta[(escapeIndex * classCount) + a] = startIndex * classCount;
            }

            var outputStart = new int[total + 1];
            var outputs = new List<int>();
            var byNewIndex = new int[total][];
            for (var s = 0; s < count; s++)
            {
                byNewIndex[newIndex[s]] = outputsOf[s];
            }

            for (var i = 0; i < total; i++)
            {
                outputStart[i] = outputs.Count;
                outputs.AddRange(byNewIndex[i] ?? []);
            }

            outputStart[total] = outputs.Count;
            table = [];
            return (delta, (plainCount + acceptingCount) * classCount, escapeIndex * classCount, startIndex * classCount, outputStart, [.. outputs]);

            void WriteRow(int[] target, int row, int source, int stay, int[] renumber, int escapeRow)
            {
                for (var a = 0; a < classCount; a++)
                {
                    target[(row * classCount) + a] = renumber[table[(source * classCount) + a]] * classCount;
                }

                // Joiners never change the state, nor does a separator after a separator; an accepting state moves to its
                // twin instead, so one match is reported once however many joiners or separators follow it.
                target[(row * classCount) + JoinerClass] = stay * classCount;
                if (endsWithSeparator[source])
                {
                    target[(row * classCount) + SeparatorClass] = stay * classCount;
                }

                target[(row * classCount) + ExpandClass] = escapeRow * classCount;
            }
        }

        private int Step(int state, int symbol, bool isSeparator)
        {
            var slot = (state * classCount) + symbol;
            if (table[slot] >= 0)
            {
                return table[slot];
            }

            if ((count + 1) * classCount > table.Length)
            {
                var grown = Filled(table.Length * 2);
                Array.Copy(table, grown, count * classCount);
                table = grown;
            }

            var created = count++;
            table[slot] = created;
            endsWithSeparator.Add(isSeparator);
            own.Add(null);
            return created;
        }

        private static int[] Filled(int length)
        {
            var array = new int[length];
            Array.Fill(array, -1);
            return array;
        }
    }
}
