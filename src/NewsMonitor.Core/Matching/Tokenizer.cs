using System.Text;

namespace NewsMonitor.Matching;

/// <summary>
/// Splits text into words the way every name and query term is split, so that matching is a comparison
/// of word sequences: diacritics, case, compatibility forms (NFKC), soft hyphens and zero-width characters
/// never decide whether a name matches, and apostrophes, dashes and all kinds of spaces separate words.
/// </summary>
public static class Tokenizer
{
    // A name's words are gathered in these and copied out once: a watchlist of 100,000 names is folded in one go.
    [ThreadStatic]
    private static StringBuilder? WordBuffer;

    [ThreadStatic]
    private static List<string>? WordList;

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var folded = new StringBuilder();
        var exact = new StringBuilder();
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var fold = CharFolding.FoldAt(text, i, out var width);
            if (fold is null)
            {
                // A symbol outside the BMP (an emoji) is one separator, both its halves.
                Flush(tokens, folded, exact, ref start, i);
                i += width - 1;
                continue;
            }

            if (IsPartOfWord(text, i, fold))
            {
                if (start < 0)
                {
                    start = i;
                }

                AppendExact(exact, text, i, width);
                folded.Append(fold);
            }

            i += width - 1;
        }

        Flush(tokens, folded, exact, ref start, text.Length);
        return tokens;
    }

    /// <summary>The folded words of a name or phrase, as <see cref="Tokenize"/> would produce them in an article.</summary>
    public static string[] FoldedWords(string phrase) => Words(phrase, exact: false);

    public static string[] ExactWords(string phrase) => Words(phrase, exact: true);

    /// <summary>
    /// Appends the folded words of a name to <paramref name="words"/>, each as <paramref name="intern"/> gives it, and to
    /// <paramref name="capitals"/> whether each is written with a capital (an upper-case letter anywhere in the word as
    /// NFKC writes it).
    /// </summary>
    /// <returns>How many words the name has.</returns>
    /// <remarks>For building a watchlist's patterns: a word already known costs no string, a name no array.</remarks>
    internal static int AppendFoldedWords(string name, List<string> words, List<bool>? capitals, Func<ReadOnlySpan<char>, string> intern)
    {
        var before = words.Count;
        AppendWords(name, exact: false, words, capitals, intern);
        return words.Count - before;
    }

    /// <summary>The words of <see cref="Tokenize"/>, one form only and without positions: a watchlist of 100,000 names builds in a blink.</summary>
    private static string[] Words(string phrase, bool exact)
    {
        var words = WordList ??= [];
        words.Clear();
        AppendWords(phrase, exact, words, null, null);
        return [.. words];
    }

    /// <param name="capitals">When given, receives for each word whether it holds an upper-case letter.</param>
    /// <param name="intern">When given, gives the string for each word instead of a new one.</param>
    private static void AppendWords(string phrase, bool exact, List<string> words, List<bool>? capitals, Func<ReadOnlySpan<char>, string>? intern)
    {
        var word = WordBuffer ??= new StringBuilder();
        word.Clear();
        var folded = 0;
        var capital = false;
        for (var i = 0; i < phrase.Length; i++)
        {
            // An ASCII letter or digit, most of any name, is its own folded form: no table, no string.
            var c = phrase[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                folded++;
                word.Append(exact ? c : char.ToLowerInvariant(c));
                capital |= char.IsAsciiLetterUpper(c);
                continue;
            }

            var fold = CharFolding.FoldAt(phrase, i, out var width);
            if (fold is null)
            {
                if (folded > 0)
                {
                    words.Add(Emit(word, intern));
                    capitals?.Add(capital);
                }

                word.Clear();
                folded = 0;
                capital = false;
            }
            else if (IsPartOfWord(phrase, i, fold))
            {
                folded += fold.Length;
                if (exact)
                {
                    AppendExact(word, phrase, i, width);
                }
                else
                {
                    word.Append(fold);
                }

                capital = capital || (capitals is not null && IsUpper(phrase, i, width));
            }

            i += width - 1;
        }

        if (folded > 0)
        {
            words.Add(Emit(word, intern));
            capitals?.Add(capital);
        }
    }

    private static string Emit(StringBuilder word, Func<ReadOnlySpan<char>, string>? intern)
    {
        if (intern is null)
        {
            return word.ToString();
        }

        // A cleared builder keeps its one chunk, so a word is read in place.
        var chunks = word.GetChunks();
        return chunks.MoveNext() && chunks.Current.Length == word.Length ? intern(chunks.Current.Span) : intern(word.ToString());
    }

    /// <summary>
    /// Whether a character that does not separate words belongs to one: a joiner does not, nor a lone low surrogate,
    /// which the automaton ignores like a joiner and which has no form to normalise.
    /// </summary>
    private static bool IsPartOfWord(string text, int index, string fold)
        => fold.Length > 0 || !(CharFolding.IsJoiner(text[index]) || char.IsLowSurrogate(text[index]));

    /// <summary>Whether the symbol's NFKC form holds an upper-case letter.</summary>
    private static bool IsUpper(string text, int index, int width)
        => text[index] < 0x80 ? char.IsAsciiLetterUpper(text[index]) : text.AsSpan(index, width).ToString().Normalize(NormalizationForm.FormKC).Any(char.IsUpper);

    /// <summary>The NFKC form of the symbol; ASCII is its own, and normalising it would cost a string and an ICU call a character.</summary>
    private static void AppendExact(StringBuilder exact, string text, int index, int width)
    {
        if (text[index] < 0x80)
        {
            exact.Append(text[index]);
        }
        else
        {
            exact.Append(text.AsSpan(index, width).ToString().Normalize(NormalizationForm.FormKC));
        }
    }

    private static void Flush(List<Token> tokens, StringBuilder folded, StringBuilder exact, ref int start, int end)
    {
        if (start < 0)
        {
            return;
        }

        if (folded.Length > 0)
        {
            tokens.Add(new Token(start, end - start, folded.ToString(), exact.ToString()));
        }

        folded.Clear();
        exact.Clear();
        start = -1;
    }
}
