using System.Text;

namespace NewsMonitor.Matching;

/// <summary>
/// Splits text into words the way every name and query term is split, so that matching is a comparison
/// of word sequences: diacritics, case, compatibility forms (NFKC), soft hyphens and zero-width characters
/// never decide whether a name matches, and apostrophes, dashes and all kinds of spaces separate words.
/// </summary>
public static class Tokenizer
{
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

            // A lone low surrogate is ignored like a joiner, as the automaton ignores it: there is nothing to normalise.
            if (fold.Length > 0 || !(CharFolding.IsJoiner(text[i]) || char.IsLowSurrogate(text[i])))
            {
                if (start < 0)
                {
                    start = i;
                }

                if (text[i] < 0x80)
                {
                    // ASCII is its own NFKC form; normalising each character costs a string and an ICU call.
                    exact.Append(text[i]);
                }
                else
                {
                    exact.Append(text.AsSpan(i, width).ToString().Normalize(NormalizationForm.FormKC));
                }
                folded.Append(fold);
            }

            i += width - 1;
        }

        Flush(tokens, folded, exact, ref start, text.Length);
        return tokens;
    }

    /// <summary>The folded words of a name or phrase, as <see cref="Tokenize"/> would produce them in an article.</summary>
    public static string[] FoldedWords(string phrase) => Tokenize(phrase).Select(t => t.Folded).ToArray();

    public static string[] ExactWords(string phrase) => Tokenize(phrase).Select(t => t.Exact).ToArray();

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
