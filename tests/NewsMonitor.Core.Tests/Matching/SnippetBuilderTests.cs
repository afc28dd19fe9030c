using NewsMonitor.Matching;

namespace NewsMonitor.Tests.Matching;

public sealed class SnippetBuilderTests
{
    public static TheoryData<string, string, string> Sentences => new()
    {
        { "Trump spoke. Putin listened. Nobody else did.", "Putin", "Putin listened." },
        { "First one. Then Trump spoke at length! Last one?", "Trump", "Then Trump spoke at length!" },
        { "Is it Trump? Yes.", "Trump", "Is it Trump?" },
        { "Wait… Trump arrived… then left.", "Trump", "Trump arrived…" },
        { "Headline about Trump\nBody sentence.", "Trump", "Headline about Trump" },
        { "Headline\nTrump in the body. More.", "Trump", "Trump in the body." },
        { "No terminal punctuation with Trump in it", "Trump", "No terminal punctuation with Trump in it" },
        { "Version 2.0 shipped with Trump inside. Next.", "Trump", "Version 2.0 shipped with Trump inside." },
        { "  Leading spaces.   Trump here.  ", "Trump", "Trump here." },
        { "Trump", "Trump", "Trump" },
        { "U.S. officials met Trump.Then left. Done.", "Trump", "officials met Trump.Then left." },
        { "Why?Because… Trump said so!Really. Yes", "Trump", "Trump said so!Really." },
    };

    public static TheoryData<int> LongSentencePositions => new() { 0, 1, 60, 150, 299 };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void SnippetIsTheSentenceAroundTheMention(string text, string mention, string expected)
    {
        var start = text.IndexOf(mention, StringComparison.Ordinal);

        var (snippet, offset) = SnippetBuilder.Build(text, start, mention.Length);

        Assert.Equal((expected, expected.IndexOf(mention, StringComparison.Ordinal)), (snippet, offset));
    }

    [Theory]
    [MemberData(nameof(LongSentencePositions))]
    public void LongSentenceIsCutAtWordBoundariesToTheMaximumLength(int wordIndex)
    {
        var words = Enumerable.Range(0, 300).Select(i => $"word{i:D3}").ToArray();
        words[wordIndex] = "Trump";
        var text = "Before. " + string.Join(' ', words) + ". After.";
        var start = text.IndexOf("Trump", StringComparison.Ordinal);

        var (snippet, offset) = SnippetBuilder.Build(text, start, 5);

        var snippetStart = start - offset;
        var snippetEnd = snippetStart + snippet.Length;
        Assert.InRange(snippet.Length, 5, SnippetBuilder.MaxLength);
        Assert.True(snippet.Length > SnippetBuilder.MaxLength - 20, $"snippet too short: {snippet.Length}");
        Assert.Equal(snippet, text[snippetStart..snippetEnd]);
        Assert.Equal("Trump", snippet.Substring(offset, 5));
        Assert.True(char.IsWhiteSpace(text[snippetStart - 1]), $"starts inside a word: …{text[(snippetStart - 3)..(snippetStart + 3)]}…");
        Assert.True(snippetEnd == text.Length || char.IsWhiteSpace(text[snippetEnd]) || text[snippetEnd] == '.', $"ends inside a word: …{text[(snippetEnd - 3)..(snippetEnd + 3)]}…");
        Assert.False(char.IsWhiteSpace(snippet[0]) || char.IsWhiteSpace(snippet[^1]));
    }

    [Fact]
    public void MentionLongerThanTheMaximumIsKeptWhole()
    {
        var mention = string.Join(' ', Enumerable.Repeat("Trump", 70));
        var text = "Before it " + mention + " and after it.";

        var (snippet, offset) = SnippetBuilder.Build(text, 10, mention.Length);

        Assert.Equal((mention, 0), (snippet, offset));
    }
}
