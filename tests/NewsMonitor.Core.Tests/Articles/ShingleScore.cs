using System.Globalization;
using System.Text;

namespace NewsMonitor.Tests.Articles;

/// <summary>
/// The article-extraction benchmark's metric (shared/tools/score-extraction): both texts split into word tokens,
/// compared as multisets of 4-token shingles; per-page precision and recall averaged over pages with equal weight,
/// F1 from the two averages.
/// </summary>
internal static class ShingleScore
{
    private const int ShingleLength = 4;

    /// <summary>Precision and recall of one page; null where the tool leaves the page out of that average.</summary>
    public static (double? Precision, double? Recall) Page(string truth, string prediction)
    {
        var expected = Shingles(truth);
        var actual = Shingles(prediction);
        var truePositives = 0;
        var falsePositives = 0;
        foreach (var (shingle, count) in actual)
        {
            var matched = Math.Min(count, expected.GetValueOrDefault(shingle));
            truePositives += matched;
            falsePositives += count - matched;
        }

        var falseNegatives = expected.Values.Sum() - truePositives;

        // Both empty is a perfect page; an empty side has no precision (prediction) or recall (truth) to average.
        if (falsePositives == 0 && falseNegatives == 0)
        {
            return (1, 1);
        }

        double? precision = truePositives + falsePositives > 0 ? (double)truePositives / (truePositives + falsePositives) : null;
        double? recall = truePositives + falseNegatives > 0 ? (double)truePositives / (truePositives + falseNegatives) : null;
        return (precision, recall);
    }

    /// <summary>Averages over the pages that have a value, and F1 from the averages.</summary>
    public static (double F1, double Precision, double Recall) Corpus(IEnumerable<(double? Precision, double? Recall)> pages)
    {
        var list = pages.ToList();
        var precisions = list.Where(p => p.Precision.HasValue).Select(p => p.Precision!.Value).ToList();
        var recalls = list.Where(p => p.Recall.HasValue).Select(p => p.Recall!.Value).ToList();
        var precision = precisions.Count == 0 ? 0 : precisions.Average();
        var recall = recalls.Count == 0 ? 0 : recalls.Average();
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (f1, precision, recall);
    }

    /// <summary>
    /// Python's <c>\w+</c> on str: letters, numbers (any numeric category) and the underscore. Unlike .NET's \w, combining
    /// marks and other connector punctuation end a token, so "नमस्ते" is three tokens, as the python tool counts it.
    /// </summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    private static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Tokens(text);
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0)
        {
            return shingles;
        }

        // A text shorter than a shingle is one shingle of all its tokens.
        var count = Math.Max(1, tokens.Count - ShingleLength + 1);
        for (var i = 0; i < count; i++)
        {
            var shingle = string.Join('\u0001', tokens.GetRange(i, Math.Min(ShingleLength, tokens.Count - i)));
            shingles[shingle] = shingles.GetValueOrDefault(shingle) + 1;
        }

        return shingles;
    }

    private static bool IsWordRune(Rune rune) => rune.Value == '_' || Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
}
