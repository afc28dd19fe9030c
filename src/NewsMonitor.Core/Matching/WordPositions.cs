namespace NewsMonitor.Matching;

/// <summary>Word numbers of character positions in the title and body, computed once per article and only when a NEAR query needs them.</summary>
internal sealed class WordPositions(string title, string body)
{
    private int[]? titleStarts;
    private int[]? bodyStarts;

    /// <summary>The number of the word that <see cref="Hit.Start"/> falls in (0-based).</summary>
    public int WordIndex(Hit hit)
    {
        var starts = hit.Field == TextField.Title ? titleStarts ??= WordStarts(title) : bodyStarts ??= WordStarts(body);
        var index = Array.BinarySearch(starts, hit.Start);
        return index >= 0 ? index : ~index - 1;
    }

    private static int[] WordStarts(string text)
    {
        var starts = new List<int>();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            // ASCII letters and digits are the only ASCII word characters; the tables decide the rest.
            var c = text[i];
            var isWord = char.IsAscii(c) ? char.IsAsciiLetterOrDigit(c) : CharFolding.IsInWord(text, i);
            if (isWord && !inWord)
            {
                starts.Add(i);
            }

            inWord = isWord;
        }

        return [.. starts];
    }
}
