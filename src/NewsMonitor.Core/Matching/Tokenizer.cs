using System.Globalization;
using System.Text;

namespace NewsMonitor.Matching;

/// <summary>
/// Splits text into words the way every name and query term is split, so that matching is a comparison
/// of word sequences: diacritics, case, compatibility forms (NFKC), soft hyphens and zero-width characters
/// never decide whether a name matches, and apostrophes, dashes and all kinds of spaces separate words.
/// </summary>
public static class Tokenizer
{
    private static readonly string?[] FoldCache = new string?[char.MaxValue + 1];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var folded = new StringBuilder();
        var exact = new StringBuilder();
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsIgnorable(c))
            {
                continue;
            }

            if (IsWordChar(text, i))
            {
                if (start < 0)
                {
                    start = i;
                }

                if (char.IsHighSurrogate(c) && i + 1 < text.Length)
                {
                    // A letter outside the BMP (IsWordChar saw a valid pair) folds too: "𝐓𝐫𝐮𝐦𝐩" is "trump".
                    var pair = text.Substring(i, 2);
                    exact.Append(pair.Normalize(NormalizationForm.FormKC));
                    folded.Append(FoldSlow(pair));
                    i++;
                    continue;
                }

                exact.Append(Compose(c));
                folded.Append(Fold(c));
                continue;
            }

            Flush(tokens, folded, exact, ref start, i);
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

    private static bool IsWordChar(string text, int i)
    {
        var category = char.GetUnicodeCategory(text, i);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    // Soft hyphen, zero-width space/joiners, word joiner and BOM hide inside names ("Pu\u00ADtin") without separating words.
    private static bool IsIgnorable(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    private static string Compose(char c) => c < 128 ? c.ToString() : c.ToString().Normalize(NormalizationForm.FormKC);

    private static string Fold(char c)
    {
        if (c < 128)
        {
            return FoldCache[c] ??= char.ToLowerInvariant(c).ToString();
        }

        return FoldCache[c] ??= FoldSlow(c.ToString());
    }

    private static string FoldSlow(string c)
    {
        var decomposed = c.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                builder.Append(char.ToLowerInvariant(d));
            }
        }

        // Letters without a decomposition that people still write without their mark.
        return builder.ToString() switch
        {
            "ß" => "ss",
            "ø" => "o",
            "đ" => "d",
            "ł" => "l",
            "ı" => "i",
            "æ" => "ae",
            "œ" => "oe",
            var folded => folded,
        };
    }
}
