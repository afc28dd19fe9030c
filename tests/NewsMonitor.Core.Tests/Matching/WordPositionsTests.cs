using System.Text;
using NewsMonitor.Matching;

namespace NewsMonitor.Tests.Matching;

/// <summary>Word numbers found a block at a time against the plain definition: count the word characters that follow a separator.</summary>
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
    public void EveryPositionIsInTheWordThatStartedLast(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(random.Next(2) == 0 ? " " : string.Empty);
        while (text.Length < 3000)
        {
            // Long ASCII stretches take the block path; the other pieces fall back to the tables mid-text.
            text.Append(random.Next(4) == 0 ? Pieces[random.Next(Pieces.Length)] : Pieces[random.Next(4)] + " ");
        }

        var body = text.ToString();
        var positions = new WordPositions(string.Empty, body);

        var found = Enumerable.Range(0, body.Length).Select(p => positions.WordIndex(TextField.Body, p));

        Assert.Equal(Reference(body), found);
    }

    [Fact]
    public void TitleAndBodyAreNumberedApart()
    {
        var positions = new WordPositions("Putin and Trump", "Trump spoke");

        var numbers = (positions.WordIndex(TextField.Title, 10), positions.WordIndex(TextField.Body, 0), positions.WordIndex(TextField.Body, 11));

        Assert.Equal((2, 0, 1), numbers);
    }

    private static IEnumerable<int> Reference(string text)
    {
        var word = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (CharFolding.IsInWord(text, i) && (i == 0 || !CharFolding.IsInWord(text, i - 1)))
            {
                word++;
            }

            yield return word;
        }
    }
}
