using System.Buffers;

namespace NewsMonitor.Matching;

/// <summary>What the case of a figure's name in a text says about whether it is used as a name there.</summary>
internal enum NameEvidence
{
    /// <summary>The watchlist writes the name without capitals, so its case never says otherwise.</summary>
    Name,

    /// <summary>
    /// Capitalised where a sentence's first word would not explain it: a name, unless the whole sentence is written in
    /// capitals or title case (<see cref="NameCasing.IsStyled"/>), which is asked only when the article also uses the name
    /// as a common word.
    /// </summary>
    Capitalised,

    /// <summary>The style explains the case: a sentence's first word, or a run of text all in lower case.</summary>
    Ambiguous,

    /// <summary>In lower case inside ordinary mixed-case prose: "her trump card", "brown rice".</summary>
    Word,
}

/// <summary>
/// Judges one occurrence of a name written with capitals ("Trump", "Theresa May"): a word the watchlist writes with a
/// capital must carry a capital in the text too, unless the sentence around it has no capitals at all (feed and
/// chat styles). A capital proves a name only where the style would not put one anyway.
/// </summary>
internal static class NameCasing
{
    /// <summary>How far a sentence is followed either way; longer runs without a full stop are lists or markup, not prose.</summary>
    private const int MaxSentenceReach = 400;

    /// <summary>A title-cased run needs this many long words, all capitalised, besides the name ("Trump Card Played Late").</summary>
    private const int TitleCaseLongWords = 3;

    private const int LongWordLetters = 4;

    /// <summary>Judges the name occupying [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="text"/>.</summary>
    /// <param name="capitalWords">Which of the name's words the watchlist writes with a capital.</param>
    /// <param name="missingCapital">Whether one of those words has no upper-case letter in the text.</param>
    /// <remarks>Each look at the sentence stops at the first letter that settles it, so prose costs a few characters a mention.</remarks>
    public static NameEvidence Judge(string text, int start, int end, bool[] capitalWords, bool missingCapital)
    {
        if (missingCapital)
        {
            return HasCapitalAround(text, start, end) ? NameEvidence.Word : NameEvidence.Ambiguous;
        }

        // Every capital is there: it proves a name unless the name's only capital is a sentence's first letter.
        return capitalWords.AsSpan(1).Contains(true) || !StartsSentence(text, start) ? NameEvidence.Capitalised : NameEvidence.Ambiguous;
    }

    /// <summary>Whether the sentence around [<paramref name="start"/>, <paramref name="end"/>) is in capitals or title case, so its capitals prove nothing.</summary>
    public static bool IsStyled(string text, int start, int end) => InCapitals(text, start, end) || InTitleCase(text, start, end);

    /// <summary>Whether only separators stand between the sentence's start and <paramref name="start"/>.</summary>
    private static bool StartsSentence(string text, int start)
    {
        for (var i = start - 1; i >= 0; i--)
        {
            if (EndsSentence(text, i))
            {
                return true;
            }

            if (char.IsLetterOrDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the sentence holds an upper-case letter outside the name: if not, it is a lower-case run.</summary>
    private static bool HasCapitalAround(string text, int start, int end)
        => Any(text, start, end, upper: true);

    /// <summary>Whether the sentence around the name is written in capitals: letters besides the name, none of them lower case.</summary>
    private static bool InCapitals(string text, int start, int end)
        => !Any(text, start, end, upper: false) && Any(text, start, end, upper: true);

    /// <summary>Whether some letter of the sentence outside [start, end) is upper case (or lower case), looking outwards from the name.</summary>
    /// <remarks>
    /// The walk jumps, vectorised, over ASCII that can neither answer nor end the sentence, and looks only at what is
    /// left: a letter of the case asked for, a possible sentence end, or a character beyond ASCII. The answer is the
    /// character-by-character walk's; in prose the letter is often a sentence away, so most of the walk is jumps.
    /// </remarks>
    private static bool Any(string text, int start, int end, bool upper)
    {
        var quiet = upper ? NeitherUpperNorEnd : NeitherLowerNorEnd;
        var limit = Math.Max(0, start - MaxSentenceReach);
        for (var i = start; (i = text.AsSpan(limit, i - limit).LastIndexOfAnyExcept(quiet)) >= 0;)
        {
            i += limit;
            if (EndsSentence(text, i))
            {
                break;
            }

            if (char.IsLetter(text[i]) && (upper ? char.IsUpper(text[i]) : char.IsLower(text[i])))
            {
                return true;
            }
        }

        limit = Math.Min(text.Length, end + MaxSentenceReach);
        for (var i = end; i < limit && text.AsSpan(i, limit - i).IndexOfAnyExcept(quiet) is >= 0 and var found; i++)
        {
            i += found;
            if (EndsSentence(text, i))
            {
                break;
            }

            if (char.IsLetter(text[i]) && (upper ? char.IsUpper(text[i]) : char.IsLower(text[i])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The ASCII characters <see cref="Any"/> jumps over when it looks for an upper-case letter: not one, and no possible sentence end.</summary>
    private static readonly SearchValues<char> NeitherUpperNorEnd = Quiet(c => char.IsAsciiLetterUpper(c));

    /// <summary>As <see cref="NeitherUpperNorEnd"/>, for a lower-case letter.</summary>
    private static readonly SearchValues<char> NeitherLowerNorEnd = Quiet(c => char.IsAsciiLetterLower(c));

    private static SearchValues<char> Quiet(Func<char, bool> answers)
        => SearchValues.Create([.. Enumerable.Range(0, AsciiEnds.Length).Select(c => (char)c).Where(c => !answers(c) && AsciiEnds[c] == 0)]);

    /// <summary>Whether every long word of the sentence besides the name is capitalised, and there are enough of them to call it a style.</summary>
    private static bool InTitleCase(string text, int start, int end)
    {
        var capitalised = 0;
        var limit = Math.Max(0, start - MaxSentenceReach);
        for (var i = start - 1; i >= limit && !EndsSentence(text, i);)
        {
            if (!char.IsLetter(text[i]))
            {
                i--;
                continue;
            }

            var wordEnd = i + 1;
            while (i >= limit && char.IsLetter(text[i]))
            {
                i--;
            }

            if (wordEnd - (i + 1) >= LongWordLetters)
            {
                if (!char.IsUpper(text[i + 1]))
                {
                    return false;
                }

                capitalised++;
            }
        }

        limit = Math.Min(text.Length, end + MaxSentenceReach);
        for (var i = end; i < limit && !EndsSentence(text, i);)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var wordStart = i;
            while (i < limit && char.IsLetter(text[i]))
            {
                i++;
            }

            if (i - wordStart >= LongWordLetters)
            {
                if (!char.IsUpper(text[wordStart]))
                {
                    return false;
                }

                capitalised++;
            }
        }

        return capitalised >= TitleCaseLongWords;
    }

    /// <summary>
    /// Full stops, question and exclamation marks, line breaks, and the colons and bars of headlines ("Analysis | Trump…").
    /// A full stop after a short capitalised word is an abbreviation or an initial ("Mr.", "Gen.", "J."), not a sentence end.
    /// </summary>
    /// <remarks>Every walk asks this of each character it passes: a table answers for ASCII in one load, not a chain of compares.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool EndsSentence(string text, int index)
    {
        var c = text[index];
        if (c >= AsciiEnds.Length)
        {
            return c is '•' or '…';
        }

        var end = AsciiEnds[c];
        return end == SentenceEnd || (end == FullStop && !IsAbbreviation(text, index));
    }

    private const byte SentenceEnd = 1;
    private const byte FullStop = 2;

    /// <summary>For each ASCII character: <see cref="SentenceEnd"/>, <see cref="FullStop"/> (an end unless an abbreviation), or 0.</summary>
    private static ReadOnlySpan<byte> AsciiEnds =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    ];

    /// <summary>Whether the full stop at <paramref name="index"/> follows a short capitalised word; kept apart so the test above stays small enough to inline into the walks.</summary>
    private static bool IsAbbreviation(string text, int index)
    {
        var wordStart = index;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]) && index - wordStart < LongWordLetters)
        {
            wordStart--;
        }

        return index - wordStart is > 0 and < LongWordLetters && char.IsUpper(text[wordStart])
            && (wordStart == 0 || !char.IsLetter(text[wordStart - 1]));
    }
}
