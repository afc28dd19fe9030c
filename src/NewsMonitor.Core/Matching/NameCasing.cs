namespace NewsMonitor.Matching;

/// <summary>What the case of a figure's name in a text says about whether it is used as a name there.</summary>
internal enum NameEvidence
{
    /// <summary>Capitalised where the style of the text does not call for a capital: the name is used as a name.</summary>
    Name,

    /// <summary>The style explains the case: a sentence's first word, a title-cased, all-capitals or all-lower-case run.</summary>
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

    /// <summary>The watchlist words of <paramref name="name"/> that carry a capital, or null when none does (then case never matters).</summary>
    public static bool[]? CapitalWords(string name)
    {
        var words = Tokenizer.ExactWords(name);
        var capitals = words.Select(word => word.Any(char.IsUpper)).ToArray();
        return capitals.Contains(true) ? capitals : null;
    }

    /// <summary>Judges the name occupying [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="text"/>.</summary>
    public static NameEvidence Judge(string text, int start, int end, bool[] capitalWords)
    {
        var (sentenceStart, sentenceEnd) = Sentence(text, start, end);
        var style = Style.Of(text, sentenceStart, start, end, sentenceEnd);

        var word = 0;
        var capitalPastFirstWord = false;
        var initial = !HasWordCharacter(text, sentenceStart, start);
        for (var i = start; i < end && word < capitalWords.Length;)
        {
            if (!CharFolding.IsInWord(text, i))
            {
                i++;
                continue;
            }

            var wordEnd = i;
            var upper = false;
            while (wordEnd < end && CharFolding.IsInWord(text, wordEnd))
            {
                upper |= char.IsUpper(text[wordEnd]);
                wordEnd++;
            }

            if (capitalWords[word])
            {
                if (!upper)
                {
                    return style.AllLowerCase ? NameEvidence.Ambiguous : NameEvidence.Word;
                }

                capitalPastFirstWord |= word > 0 || !initial;
            }

            word++;
            i = wordEnd;
        }

        return capitalPastFirstWord && !style.AllCapitals && !style.TitleCase ? NameEvidence.Name : NameEvidence.Ambiguous;
    }

    /// <summary>The sentence around a span: back to the previous and on to the next sentence end, within reach.</summary>
    private static (int Start, int End) Sentence(string text, int start, int end)
    {
        var from = start;
        var limit = Math.Max(0, start - MaxSentenceReach);
        while (from > limit && !EndsSentence(text, from - 1))
        {
            from--;
        }

        var to = end;
        limit = Math.Min(text.Length, end + MaxSentenceReach);
        while (to < limit && !EndsSentence(text, to))
        {
            to++;
        }

        return (from, to);
    }

    /// <summary>
    /// Full stops, question and exclamation marks, line breaks, and the colons and bars of headlines ("Analysis | Trump…").
    /// A full stop after a short capitalised word is an abbreviation or an initial ("Mr.", "Gen.", "J."), not a sentence end.
    /// </summary>
    private static bool EndsSentence(string text, int index)
    {
        switch (text[index])
        {
            case '!' or '?' or '\n' or '\r' or ':' or '|' or '•' or '…':
                return true;
            case '.':
                var wordStart = index;
                while (wordStart > 0 && char.IsLetter(text[wordStart - 1]) && index - wordStart < LongWordLetters)
                {
                    wordStart--;
                }

                var abbreviation = index - wordStart is > 0 and < LongWordLetters && char.IsUpper(text[wordStart])
                    && (wordStart == 0 || !char.IsLetter(text[wordStart - 1]));
                return !abbreviation;
            default:
                return false;
        }
    }

    private static bool HasWordCharacter(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The case style of a sentence outside the name itself.</summary>
    private readonly record struct Style(bool AllLowerCase, bool AllCapitals, bool TitleCase)
    {
        public static Style Of(string text, int sentenceStart, int nameStart, int nameEnd, int sentenceEnd)
        {
            var (upper, lower, longWords, capitalised) = Count(text, sentenceStart, nameStart);
            var (upperAfter, lowerAfter, longAfter, capitalisedAfter) = Count(text, nameEnd, sentenceEnd);
            upper += upperAfter;
            lower += lowerAfter;
            longWords += longAfter;
            capitalised += capitalisedAfter;
            return new Style(
                AllLowerCase: upper == 0,
                AllCapitals: lower == 0 && upper > 0,
                TitleCase: longWords >= TitleCaseLongWords && capitalised == longWords);
        }

        private static (int Upper, int Lower, int LongWords, int Capitalised) Count(string text, int from, int to)
        {
            int upper = 0, lower = 0, longWords = 0, capitalised = 0;
            for (var i = from; i < to;)
            {
                if (!char.IsLetter(text[i]))
                {
                    i++;
                    continue;
                }

                var wordStart = i;
                while (i < to && char.IsLetter(text[i]))
                {
                    upper += char.IsUpper(text[i]) ? 1 : 0;
                    lower += char.IsLower(text[i]) ? 1 : 0;
                    i++;
                }

                if (i - wordStart >= LongWordLetters)
                {
                    longWords++;
                    capitalised += char.IsUpper(text[wordStart]) ? 1 : 0;
                }
            }

            return (upper, lower, longWords, capitalised);
        }
    }
}
