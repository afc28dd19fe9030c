using NewsMonitor.Matching;

namespace NewsMonitor.Tests.Matching;

/// <summary>The in-place check of a case-sensitive name against the tokenizer's exact words, which it replaces for ASCII text.</summary>
public sealed class ExactWordsTests
{
    public static TheoryData<string, string, bool> Spans => new()
    {
        { "MBS", "MBS", true },
        { "Mbs", "MBS", false },
        { "MBSX", "MBS", false },
        { "US", "US", true },
        { "U.S", "US", false },
        { "Mohammed  bin-Salman", "Mohammed bin Salman", true },
        { "Mohammed Bin Salman", "Mohammed bin Salman", false },
        { "Mohammed bin", "Mohammed bin Salman", false },
        { "Mohammed bin Salman al", "Mohammed bin Salman", false },
        { "Erdoğan", "Erdoğan", true },
        { "ERDOĞAN", "Erdoğan", false },
        { "Ｍ", "M", true },
        { "Pu\u00ADtin", "Putin", true },
        { string.Empty, "MBS", false },
    };

    [Theory]
    [MemberData(nameof(Spans))]
    public void SpanHasTheNameExactlyOnlyWhenTheTokenizerAgrees(string span, string name, bool expected)
    {
        var exact = Tokenizer.ExactWords(name);

        var found = (SpanWords.AreExactly(span, exact), Tokenizer.ExactWords(span).SequenceEqual(exact, StringComparer.Ordinal));

        Assert.Equal((expected, expected), found);
    }
}
