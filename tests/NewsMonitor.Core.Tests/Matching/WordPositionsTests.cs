using System.Text;
using NewsMonitor.Matching;

namespace NewsMonitor.Tests.Matching;

/// <summary>Word starts found a block at a time against the plain definition: a character in a word after one that is not.</summary>
public sealed class WordPositionsTests
{
    private static readonly string[] Pieces =
    [
        "Putin", "a", "U.S.", "1999", "Straße", "Erdoğan", "Pu\u00ADtin", "𝐓𝐫𝐮𝐦𝐩", "😀", "café", "cafe\u0301", "ﬁnance", "Ⅻ",
        " ", "  ", ", ", ". ", "\n\n", "-", "’", "\u00A0", "\u200B", "\"", "(", ")", "@", "[", "`", "{", "~", "/", "0", "9", "Z", "z",
    ];

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void WordStartsAreWhereAWordCharacterFollowsASeparator(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        while (text.Length < 3000)
        {
            // Long ASCII stretches take the block path; the other pieces fall back to the tables mid-text.
            text.Append(random.Next(4) == 0 ? Pieces[random.Next(Pieces.Length)] : Pieces[random.Next(4)] + " ");
        }

        var starts = WordPositions.WordStarts(text.ToString());

        Assert.Equal(Reference(text.ToString()), starts);
    }

    private static List<int> Reference(string text)
        => Enumerable.Range(0, text.Length).Where(i => CharFolding.IsInWord(text, i) && (i == 0 || !CharFolding.IsInWord(text, i - 1))).ToList();
}
