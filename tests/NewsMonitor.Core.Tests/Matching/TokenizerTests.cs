using NewsMonitor.Matching;

namespace NewsMonitor.Tests.Matching;

public sealed class TokenizerTests
{
    public static TheoryData<string, string[]> FoldedWords => new()
    {
        // Diacritics and case never decide a match.
        { "Erdoğan", ["erdogan"] },
        { "ERDOĞAN", ["erdogan"] },
        { "Erdog\u0306an", ["erdogan"] },
        { "António Guterres", ["antonio", "guterres"] },
        { "İstanbul", ["istanbul"] },
        { "Straße", ["strasse"] },
        { "Łukasz Øresund", ["lukasz", "oresund"] },

        // Compatibility forms fold as NFKC would.
        { "Ｔｒｕｍｐ", ["trump"] },
        { "ﬁnance", ["finance"] },
        { "𝐓𝐫𝐮𝐦𝐩", ["trump"] },

        // Soft hyphens and zero-width characters hide inside a word without splitting it.
        { "Pu\u00ADtin", ["putin"] },
        { "Pu\u200Btin", ["putin"] },
        { "Pu\u200Ctin", ["putin"] },
        { "Pu\u200Dtin", ["putin"] },
        { "Pu\u2060tin", ["putin"] },
        { "\uFEFFPutin", ["putin"] },

        // Every kind of space and line break separates words.
        { "Donald Trump", ["donald", "trump"] },
        { "Donald\u00A0Trump", ["donald", "trump"] },
        { "Donald\u2009Trump", ["donald", "trump"] },
        { "Donald\u202FTrump", ["donald", "trump"] },
        { "Donald\tTrump", ["donald", "trump"] },
        { "Donald\nTrump", ["donald", "trump"] },
        { "Donald\r\nTrump", ["donald", "trump"] },
        { "Donald\u2028Trump", ["donald", "trump"] },

        // Apostrophes and every dash separate words.
        { "Putin's", ["putin", "s"] },
        { "Putin’s", ["putin", "s"] },
        { "Putins'", ["putins"] },
        { "Trump-Putin", ["trump", "putin"] },
        { "Trump\u2010Putin", ["trump", "putin"] },
        { "Trump\u2011Putin", ["trump", "putin"] },
        { "Trump–Putin", ["trump", "putin"] },
        { "Trump—Putin", ["trump", "putin"] },
        { "Trump\u2212Putin", ["trump", "putin"] },

        // Other punctuation separates too, and so do symbols outside the BMP; digits are words.
        { "U.S.-Russia", ["u", "s", "russia"] },
        { "Putin 😀 said", ["putin", "said"] },
        { "Putin😀🇺🇦said", ["putin", "said"] },
        { "“Ally”, (2024)!", ["ally", "2024"] },
        { "", [] },
        { " ,;- ", [] },
    };

    public static TheoryData<string, string[]> ExactWords => new()
    {
        { "US and us", ["US", "and", "us"] },
        { "ＵＳ", ["US"] },
        { "Erdoğan", ["Erdoğan"] },
        { "Pu\u00ADtin", ["Putin"] },
        { "Vladimir 😀 Putin", ["Vladimir", "Putin"] },
    };

    public static TheoryData<string, (int Start, int Length)[]> Spans => new()
    {
        { "Hi Putin’s plan", [(0, 2), (3, 5), (9, 1), (11, 4)] },
        { "Pu\u00ADtin spoke", [(0, 6), (7, 5)] },
        { "\u200BPutin", [(1, 5)] },
        { "Ｔｒｕｍｐ met", [(0, 5), (6, 3)] },
        { "ﬁne day", [(0, 3), (4, 3)] },
        { "Erdog\u0306an.", [(0, 8)] },
        { "𝐓𝐫𝐮𝐦𝐩 x", [(0, 10), (11, 1)] },
        { "  Trump–Putin  ", [(2, 5), (8, 5)] },
    };

    [Fact]
    public void ALoneSurrogateIsIgnoredInsideAWordAndSeparatesOnItsOwn()
    {
        // A fact, not a theory row: test runners replace lone surrogates when they serialise theory data.
        Assert.Equal(["putin", "said"], Tokenizer.FoldedWords("Pu\uDC00tin \uD800said"));
        Assert.Equal(["Putin", "said"], Tokenizer.ExactWords("Pu\uDC00tin \uD800said"));
    }

    [Theory]
    [MemberData(nameof(FoldedWords))]
    public void TextFoldsToTheseWords(string text, string[] expected)
    {
        var words = Tokenizer.FoldedWords(text);

        Assert.Equal(expected, words);
    }

    [Theory]
    [MemberData(nameof(ExactWords))]
    public void ExactWordsKeepCaseAndDiacritics(string text, string[] expected)
    {
        var words = Tokenizer.ExactWords(text);

        Assert.Equal(expected, words);
    }

    [Theory]
    [MemberData(nameof(Spans))]
    public void TokenSpansPointAtTheOriginalText(string text, (int Start, int Length)[] expected)
    {
        var tokens = Tokenizer.Tokenize(text);

        Assert.Equal(expected, tokens.Select(t => (t.Start, t.Length)));
    }

    [Theory]
    [MemberData(nameof(Spans))]
    public void EachTokenSpanFoldsBackToItsToken(string text, (int Start, int Length)[] spans)
    {
        var tokens = Tokenizer.Tokenize(text);

        Assert.Equal(spans.Length, tokens.Count);
        Assert.All(tokens, token => Assert.Equal([token.Folded], Tokenizer.FoldedWords(text.Substring(token.Start, token.Length))));
    }

    [Theory]
    [InlineData("Theresa May", "1 1")]
    [InlineData("de Gaulle", "0 1")]
    [InlineData("eBay", "1")]
    [InlineData("Pu\u00ADtin", "1")]
    [InlineData("\u210Cans Bl\u00E5", "1 1")]
    [InlineData("\u00E9mile zola", "")]
    [InlineData("ceasefire", "")]
    [InlineData("Ng\u0169y\u1EC5n \u00C9lise", "1 1")]
    public void ANamesCapitalWordsAreTheWordsItWritesWithAnUpperCaseLetter(string name, string expected)
    {
        var words = new List<string>();
        var capitals = new List<bool>();

        var count = Tokenizer.AppendFoldedWords(name, words, capitals, word => word.ToString());

        Assert.Equal(Tokenizer.FoldedWords(name), words);
        Assert.Equal(words.Count, count);
        Assert.Equal(expected, capitals.Contains(true) ? string.Join(' ', capitals.Select(capital => capital ? 1 : 0)) : string.Empty);
    }

    [Fact]
    public void AppendedWordsFollowThoseBeforeThemAndAreTheStringsInternGives()
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal) { ["may"] = "may" };
        var words = new List<string> { "earlier" };

        var count = Tokenizer.AppendFoldedWords("Theresa MAY", words, null, word => known.TryGetValue(word.ToString(), out var text) ? text : word.ToString());

        Assert.Equal(2, count);
        Assert.Equal(["earlier", "theresa", "may"], words);
        Assert.Same(known["may"], words[2]);
    }
}
