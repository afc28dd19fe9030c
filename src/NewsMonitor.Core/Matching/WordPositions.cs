using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NewsMonitor.Matching;

/// <summary>Word numbers of character positions in the title and body, computed once per article and only when a NEAR query needs them.</summary>
internal sealed class WordPositions(string title, string body)
{
    private const int Block = 16;

    private int[]? titleStarts;
    private int[]? bodyStarts;

    /// <summary>The number of the word that <see cref="Hit.Start"/> falls in (0-based).</summary>
    public int WordIndex(Hit hit)
    {
        var starts = hit.Field == TextField.Title ? titleStarts ??= WordStarts(title) : bodyStarts ??= WordStarts(body);
        var index = Array.BinarySearch(starts, hit.Start);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>Where each word starts: a word character after a separator or at the text's start.</summary>
    /// <remarks>
    /// A NEAR query reads the whole body, so blocks of ASCII (most of most articles) are classified 16 characters at a
    /// time: ASCII letters and digits are the only ASCII word characters. Other blocks go through the folding tables.
    /// </remarks>
    internal static int[] WordStarts(string text)
    {
        var starts = new List<int>(text.Length / 4);
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
                    inWord = AddStarts(text, i, i + Block, inWord, starts);
                    continue;
                }

                var digit = Vector256.LessThan(block - Vector256.Create((ushort)'0'), Vector256.Create((ushort)10));
                var letter = Vector256.LessThan((block | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)26));
                var word = (digit | letter).ExtractMostSignificantBits();
                for (var first = word & ~((word << 1) | (inWord ? 1u : 0u)); first != 0; first &= first - 1)
                {
                    starts.Add(i + BitOperations.TrailingZeroCount(first));
                }

                inWord = (word & (1u << (Block - 1))) != 0;
            }
        }

        AddStarts(text, i, text.Length, inWord, starts);
        return [.. starts];
    }

    /// <returns>Whether the character before <paramref name="to"/> is in a word.</returns>
    private static bool AddStarts(string text, int from, int to, bool inWord, List<int> starts)
    {
        for (var i = from; i < to; i++)
        {
            var isWord = CharFolding.IsInWord(text, i);
            if (isWord && !inWord)
            {
                starts.Add(i);
            }

            inWord = isWord;
        }

        return inWord;
    }
}
