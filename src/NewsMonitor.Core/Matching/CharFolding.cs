using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace NewsMonitor.Matching;

/// <summary>
/// How every UTF-16 code unit takes part in matching, computed once per process: a separator between words, a word
/// character with its folded form (NFKD without marks, lower-cased), an ignorable joiner (soft hyphen, zero-width
/// characters, combining marks, the low half of a surrogate pair), or a character that folds to several (ß, æ, ligatures,
/// the high half of a surrogate pair) and is expanded on the slow path. The tokenizer and the automaton both read it,
/// so names and articles are folded identically.
/// </summary>
internal static class CharFolding
{
    public const byte Separator = 0;
    public const byte Word = 1;
    public const byte Ignorable = 2;
    public const byte Expand = 3;

    private static readonly string?[] SingleStrings = new string?[char.MaxValue + 1];

    /// <summary>Folded forms of the supplementary-plane symbols met so far (math letters, emoji), so a scan allocates nothing.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string?> PairFolds = new();

    /// <summary>The kind of each code unit.</summary>
    public static byte[] Kinds => Shared.Value.Kinds;

    /// <summary>For <see cref="Word"/> code units, the one folded character.</summary>
    public static char[] Singles => Shared.Value.Singles;

    /// <summary>For <see cref="Expand"/> BMP code units, the folded string.</summary>
    public static string?[] Multiples => Shared.Value.Multiples;

    /// <summary>The folded form of the symbol at <paramref name="index"/> (one code unit, or a surrogate pair when <paramref name="width"/> is 2); null when it separates words.</summary>
    public static string? FoldAt(ReadOnlySpan<char> text, int index, out int width)
    {
        width = 1;
        var c = text[index];
        var tables = Shared.Value;
        switch (tables.Kinds[c])
        {
            case Word:
                return SingleStrings[c] ??= tables.Singles[c].ToString();
            case Ignorable:
                return string.Empty;
            case Expand when !char.IsHighSurrogate(c):
                return tables.Multiples[c];
            case Expand when index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]):
                width = 2;
                return PairFolds.GetOrAdd(char.ConvertToUtf32(c, text[index + 1]), static codePoint =>
                {
                    var pair = char.ConvertFromUtf32(codePoint);
                    return IsWordCategory(CharUnicodeInfo.GetUnicodeCategory(pair, 0)) ? FoldString(pair) : null;
                });
            default:
                return null;
        }
    }

    /// <summary>True where a word character (or a joiner inside a word) stands; surrogate pairs are judged as one symbol.</summary>
    /// <remarks>Inlined into the per-hit walks of the matcher, so a plain character costs one table load.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsInWord(ReadOnlySpan<char> text, int index)
    {
        var c = text[index];
        return Shared.Kinds[c] switch
        {
            Separator => false,
            Word => true,
            _ => !char.IsSurrogate(c) || IsSurrogateInWord(text, index),
        };
    }

    /// <summary>Soft hyphen, zero-width space/joiners, word joiner and BOM: they hide inside names ("Pu\u00ADtin") without separating words.</summary>
    public static bool IsJoiner(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    /// <summary>A surrogate half stands in a word only as part of a pair whose symbol is a letter or a digit.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsSurrogateInWord(ReadOnlySpan<char> text, int index)
    {
        if (char.IsHighSurrogate(text[index]))
        {
            return FoldAt(text, index, out var width) is not null && width == 2;
        }

        return index > 0 && char.IsHighSurrogate(text[index - 1]) && IsSurrogateInWord(text, index - 1);
    }

    public static bool IsWordCategory(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
        or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
        or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
        or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>NFKD without combining marks, lower-cased, with the letters people write without their stroke folded too.</summary>
    public static string FoldString(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                builder.Append(char.ToLowerInvariant(d));
            }
        }

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

    private static Tables Build()
    {
        var kinds = new byte[char.MaxValue + 1];
        var singles = new char[char.MaxValue + 1];
        var multiples = new string?[char.MaxValue + 1];
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            if (IsJoiner(c) || char.IsLowSurrogate(c))
            {
                kinds[code] = Ignorable;
                continue;
            }

            if (char.IsHighSurrogate(c))
            {
                kinds[code] = Expand;
                continue;
            }

            if (code < 128)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    kinds[code] = Word;
                    singles[code] = char.ToLowerInvariant(c);
                }

                continue;
            }

            // U+02BC is a letter to Unicode but an apostrophe to writers ("Putinʼs"), like ’ it separates words.
            if (c == '\u02BC' || !IsWordCategory(CharUnicodeInfo.GetUnicodeCategory(c)))
            {
                continue;
            }

            var folded = FoldString(c.ToString());
            switch (folded.Length)
            {
                case 0:
                    kinds[code] = Ignorable;
                    break;
                case 1:
                    kinds[code] = Word;
                    singles[code] = folded[0];
                    break;
                default:
                    kinds[code] = Expand;
                    multiples[code] = folded;
                    break;
            }
        }

        return new Tables(kinds, singles, multiples);
    }

    private sealed record Tables(byte[] Kinds, char[] Singles, string?[] Multiples);

    /// <summary>The tables, built on first use (a type initializer, so reading them is a plain static load, unlike a Lazy).</summary>
    private static class Shared
    {
        public static readonly Tables Value = Build();

        /// <summary>The kinds on their own, so a hot loop reads a constant array rather than a field of a field.</summary>
        public static readonly byte[] Kinds = Value.Kinds;
    }
}
