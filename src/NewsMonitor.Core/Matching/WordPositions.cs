using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NewsMonitor.Matching;

/// <summary>Word numbers of character positions in the title and body, computed once per article and only when a NEAR query needs them.</summary>
internal sealed class WordPositions(string title, string body)
{
    private WordStarts? titleStarts;
    private WordStarts? bodyStarts;

    /// <summary>The number of the word that <see cref="Hit.Start"/> falls in (0-based).</summary>
    public int WordIndex(Hit hit) => WordIndex(hit.Field, hit.Start);

    /// <summary>The number of the word that <paramref name="position"/> falls in (0-based); -1 before the first word.</summary>
    public int WordIndex(TextField field, int position)
        => (field == TextField.Title ? titleStarts ??= new WordStarts(title) : bodyStarts ??= new WordStarts(body)).CountUpTo(position) - 1;

    /// <summary>
    /// Where words start (a word character after a separator or at the text's start), one bit per character, with the
    /// count before every 64 so that a position's word number is a table load and a population count.
    /// </summary>
    /// <remarks>
    /// A NEAR query reads the whole body, so blocks of ASCII (most of most articles) are classified 16 characters at a
    /// time: ASCII letters and digits are the only ASCII word characters. Other blocks go through the folding tables.
    /// </remarks>
    private sealed class WordStarts
    {
        private const int Block = 16;

        private readonly ulong[] bits;
        private readonly int[] before;
        private readonly int count;

        public WordStarts(string text)
        {
            bits = new ulong[(text.Length + 63) / 64];
            var inWord = false;
            var i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var units = MemoryMarshal.Cast<char, ushort>(text.AsSpan());
                for (; i + Block <= units.Length; i += Block)
                {
                    var block = Vector256.Create(units.Slice(i, Block));
                    if ((block & Vector256.Create((ushort)0xFF80)) != Vector256<ushort>.Zero)
                    {
                        inWord = Mark(text, i, i + Block, inWord);
                        continue;
                    }

                    var digit = Vector256.LessThan(block - Vector256.Create((ushort)'0'), Vector256.Create((ushort)10));
                    var letter = Vector256.LessThan((block | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)26));
                    var word = (digit | letter).ExtractMostSignificantBits();
                    var first = word & ~((word << 1) | (inWord ? 1u : 0u));
                    bits[i >> 6] |= (ulong)first << (i & 63);
                    inWord = (word & (1u << (Block - 1))) != 0;
                }
            }

            Mark(text, i, text.Length, inWord);
            before = new int[bits.Length];
            for (var k = 0; k < bits.Length; k++)
            {
                before[k] = count;
                count += BitOperations.PopCount(bits[k]);
            }
        }

        /// <summary>How many words start at or before <paramref name="position"/>.</summary>
        public int CountUpTo(int position)
        {
            var k = position >> 6;
            return k >= bits.Length ? count : before[k] + BitOperations.PopCount(bits[k] & (ulong.MaxValue >> (63 - (position & 63))));
        }

        /// <returns>Whether the character before <paramref name="to"/> is in a word.</returns>
        private bool Mark(string text, int from, int to, bool inWord)
        {
            for (var i = from; i < to; i++)
            {
                var isWord = CharFolding.IsInWord(text, i);
                if (isWord && !inWord)
                {
                    bits[i >> 6] |= 1UL << (i & 63);
                }

                inWord = isWord;
            }

            return inWord;
        }
    }
}
