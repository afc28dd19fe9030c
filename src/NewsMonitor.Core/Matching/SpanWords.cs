namespace NewsMonitor.Matching;

/// <summary>
/// Checks a candidate span against a pattern's words in place, as <see cref="Tokenizer"/> would split and fold the span
/// but without building its tokens: the automaton's hits of verified and case-sensitive patterns go through here.
/// </summary>
internal static class SpanWords
{
    /// <summary>
    /// Whether <paramref name="span"/> splits into <paramref name="words"/> as the tokenizer would fold it, compared in place;
    /// with <paramref name="prefix"/> the last word of the span need only start with the last of <paramref name="words"/>.
    /// </summary>
    public static bool FoldTo(ReadOnlySpan<char> span, ReadOnlySpan<string> words, bool prefix)
    {
        var kinds = CharFolding.Kinds;
        var singles = CharFolding.Singles;
        var word = 0;
        var length = 0;
        for (var i = 0; i < span.Length; i++)
        {
            // Most characters fold to one: compared straight from the table, without the string FoldAt returns.
            if (kinds[span[i]] == CharFolding.Word)
            {
                if (!Continues(words, word, length++, singles[span[i]], prefix))
                {
                    return false;
                }

                continue;
            }

            var folded = CharFolding.FoldAt(span, i, out var width);
            i += width - 1;
            if (folded is null)
            {
                if (length > 0 && !Completes(words, word++, length, prefix))
                {
                    return false;
                }

                length = 0;
                continue;
            }

            foreach (var c in folded)
            {
                if (!Continues(words, word, length++, c, prefix))
                {
                    return false;
                }
            }
        }

        if (length > 0 && !Completes(words, word++, length, prefix))
        {
            return false;
        }

        return word == words.Length;
    }

    /// <summary>Whether the words of <paramref name="span"/>, in their exact spelling, are <paramref name="exact"/> (a case-sensitive name).</summary>
    public static bool AreExactly(ReadOnlySpan<char> span, string[] exact)
    {
        if (!System.Text.Ascii.IsValid(span))
        {
            return Tokenizer.ExactWords(span.ToString()).SequenceEqual(exact, StringComparer.Ordinal);
        }

        // In ASCII a word is a run of letters and digits, and its exact form is itself: compared in place.
        var word = 0;
        for (var i = 0; i < span.Length;)
        {
            if (!char.IsAsciiLetterOrDigit(span[i]))
            {
                i++;
                continue;
            }

            var wordStart = i;
            while (i < span.Length && char.IsAsciiLetterOrDigit(span[i]))
            {
                i++;
            }

            if (word == exact.Length || !span[wordStart..i].SequenceEqual(exact[word++]))
            {
                return false;
            }
        }

        return word == exact.Length;
    }

    /// <summary>Whether folded character <paramref name="c"/>, at <paramref name="length"/> in a word of the span, can still be pattern word <paramref name="word"/>.</summary>
    private static bool Continues(ReadOnlySpan<string> words, int word, int length, char c, bool prefix)
        => word < words.Length && (length < words[word].Length ? words[word][length] == c : IsOpenEnded(words, word, prefix));

    /// <summary>Whether a word of the span, <paramref name="length"/> folded characters that all matched, is the whole of <paramref name="words"/>[<paramref name="word"/>].</summary>
    private static bool Completes(ReadOnlySpan<string> words, int word, int length, bool prefix)
        => length == words[word].Length || (length > words[word].Length && IsOpenEnded(words, word, prefix));

    /// <summary>Only the last word of a prefix term may go on past the pattern's characters.</summary>
    private static bool IsOpenEnded(ReadOnlySpan<string> words, int word, bool prefix) => prefix && word == words.Length - 1;
}
