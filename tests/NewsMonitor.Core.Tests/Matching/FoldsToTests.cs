using System.Text;
using NewsMonitor.Matching;

namespace NewsMonitor.Tests.Matching;

/// <summary>
/// The in-place check of a candidate span against a pattern's folded words, against the plain reference it replaces:
/// tokenize the span and compare the words. (The tokenizer is for names and terms: it rejects a surrogate that is not
/// part of a letter, which article text may hold, so those cases are rows with the expected answer.)
/// </summary>
public sealed class FoldsToTests
{
    private static readonly string[] Pieces =
    [
        "Putin", "putin", "Pu\u00ADtin", "Putins", "Straße", "strasse", "STRASSE", "Erdoğan", "Erdogan", "𝐓𝐫𝐮𝐦𝐩", "Trump", "trumpet",
        "ﬁnance", "finance", "café", "cafe\u0301", "\u0301", "\u200B", "ß", "1999", "Ⅻ", "xii",
    ];

    private static readonly string[] Separators = [" ", "  ", "-", "’", "\u00A0", "\n", string.Empty];

    public static TheoryData<string, string, bool, bool> Spans => new()
    {
        { "Putin", "putin", false, true },
        { "Pu\u00ADtin", "putin", false, true },
        { "Putins", "putin", false, false },
        { "Putins", "putin", true, true },
        { "Vladimir  Putin", "vladimir putin", false, true },
        { "Vladimir Putins", "vladimir putin", true, true },
        { "Vladimirs Putin", "vladimir putin", true, false },
        { "Vladimir", "vladimir putin", false, false },
        { "Vladimir Putin Jr", "vladimir putin", false, false },
        { "Straße", "strasse", false, true },
        { "Erdoğan", "erdogan", false, true },
        { "𝐓𝐫𝐮𝐦𝐩", "trump", false, true },
        { "Vladimir😀Putin", "vladimir putin", false, true },
        { "\u0301 Trump", "trump", false, true },
        { "Trum", "trump", true, false },
        { string.Empty, "trump", false, false },
    };

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(Spans))]
    public void SpanFoldsToThePatternWordsAsTheScanReadsThem(string span, string term, bool prefix, bool expected)
    {
        var words = Tokenizer.FoldedWords(term);

        var folds = SpanWords.FoldTo(span, words, prefix);

        Assert.Equal(expected, folds);
    }

    [Fact]
    public void LoneSurrogatesFoldAsTheScanReadsThem()
    {
        // A lone low surrogate is ignored inside a word, a lone high one separates words (kept out of TheoryData, whose
        // serialisation would replace them).
        var joined = SpanWords.FoldTo("Pu\uDC13tin", ["putin"], prefix: false);
        var separated = SpanWords.FoldTo("Vladimir\uD835Putin", ["vladimir", "putin"], prefix: false);

        Assert.True(joined && separated);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AgreesWithTheTokenizerOnRandomSpans(int seed)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < 2000; trial++)
        {
            var span = RandomSpan(random);
            var words = Tokenizer.FoldedWords(random.Next(3) == 0 ? RandomSpan(random) : span);
            if (words.Length == 0)
            {
                continue;
            }

            if (random.Next(2) == 0)
            {
                words[^1] = words[^1][..random.Next(1, words[^1].Length + 1)];
            }

            var prefix = random.Next(2) == 0;

            Assert.True(Reference(span, words, prefix) == SpanWords.FoldTo(span, words, prefix), $"\"{span}\" against [{string.Join('|', words)}], prefix {prefix}");
        }
    }

    private static bool Reference(string span, string[] words, bool prefix)
    {
        var found = Tokenizer.FoldedWords(span);
        return found.Length == words.Length
            && found.Select((word, i) => prefix && i == words.Length - 1 ? word.StartsWith(words[i], StringComparison.Ordinal) : word == words[i]).All(same => same);
    }

    private static string RandomSpan(Random random)
    {
        var text = new StringBuilder();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]).Append(i > 1 ? Separators[random.Next(Separators.Length)] : string.Empty);
        }

        return text.ToString();
    }
}
