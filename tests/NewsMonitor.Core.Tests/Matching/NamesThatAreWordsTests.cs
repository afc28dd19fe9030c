using NewsMonitor.Articles;
using NewsMonitor.Matching;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Tests.Matching;

/// <summary>A figure name written with capitals matches where the text writes it as a name (<see cref="NameCasing"/>).</summary>
public sealed class NamesThatAreWordsTests
{
    private static readonly MentionMatcher Matcher = TestWatchlists.Matcher("""
        {
          "figures": [
            { "id": "donald-trump", "name": "Donald Trump", "aliases": ["Trump"] },
            { "id": "theresa-may", "name": "Theresa May", "aliases": ["May"] },
            { "id": "gordon-brown", "name": "Gordon Brown", "aliases": ["Brown"] },
            { "id": "volodymyr-zelensky", "name": "Volodymyr Zelensky", "aliases": ["Zelensky", "President Zelensky"] },
            { "id": "mohammed-bin-salman", "name": "Mohammed bin Salman", "caseSensitive": ["MBS"] },
            { "id": "ebay", "name": "eBay" },
            { "id": "tesla", "name": "tesla" }
          ],
          "topics": [
            { "id": "ceasefire", "name": "Ceasefire", "query": "ceasefire" },
            { "id": "trump-ceasefire", "name": "Trump and a ceasefire", "query": "@donald-trump AND ceasefire" }
          ]
        }
        """);

    public static TheoryData<string, string, string, string> Texts => new()
    {
        { "a common word in prose is not a name", "", "She played her trump card late in the evening.", "" },
        { "an article in lower case is not a name", "", "Nobody expected a trump to fall so early.", "" },
        { "a capital inside a sentence is a name", "", "Voters in Ohio backed Trump again.", "donald-trump:1" },
        { "a possessive keeps its capital", "", "Critics of Trump's tariffs spoke.", "donald-trump:1" },
        { "a sentence-initial capital counts when nothing contradicts it", "", "Trump said so on Monday.", "donald-trump:1" },
        { "a sentence-initial capital in an article that uses the word only as a word is not a name", "", "Brown rice is cheap. Cook the brown rice slowly.", "" },
        { "a sentence-initial capital counts when the article also writes it as a name", "", "Brown spoke first. Voters liked Brown, and ate brown rice.", "gordon-brown:2" },
        { "a name after an abbreviation is not sentence-initial", "", "Mr. Trump played his trump card.", "donald-trump:1" },
        { "a title-cased headline proves nothing against the body's common word", "Trump Card Played Late In Final Round", "She played her trump card.", "" },
        { "a title-cased headline proves nothing past its first word either", "Late Trump Card Wins The Final Round", "She played her trump card.", "" },
        { "a title-cased headline counts when the body names the figure", "Trump Card Played Late In Final Round", "Voters backed Trump again.", "donald-trump:2" },
        { "a shouted headline counts when nothing contradicts it", "TRUMP AND MAY TO MEET IN LONDON", "", "donald-trump:1 theresa-may:1" },
        { "a shouted headline proves nothing against the body's common word", "PRICES MAY FALL", "Prices may fall, analysts said.", "" },
        { "a headline all in lower case counts", "trump and may meet in london", "", "donald-trump:1 theresa-may:1" },
        { "a lower-case run inside the body counts", "", "Read on.\ntrump visits ohio today\nMore later.", "donald-trump:1" },
        { "the modal verb is not Theresa May", "", "Prices may rise, and the firm may cut jobs.", "" },
        { "a headline colon starts a sentence", "", "Analysis: May faces a revolt. Ministers may resign.", "" },
        { "a headline colon start counts when the article names her", "", "Analysis: May faces a revolt. Ministers want May out.", "theresa-may:2" },
        { "each capitalised word of a multi-word name needs its capital; the alias still counts", "", "He met donald Trump and Donald trump.", "donald-trump:1" },
        { "a lower-case title loses the longer name but keeps the name", "", "Talks with Ukrainian president Zelensky resumed.", "volodymyr-zelensky:1" },
        { "a name's lower-case particle matches in any case", "", "Crown prince Mohammed Bin Salman spoke.", "mohammed-bin-salman:1" },
        { "case-sensitive acronyms stay exact", "", "MBS spoke; mbs did not.", "mohammed-bin-salman:1" },
        { "a name with an inner capital needs a capital", "", "I sold it on eBay, not on ebay.", "ebay:1" },
        { "a name written in lower case matches in any case", "", "Tesla and tesla coils.", "tesla:2" },
    };

    public static TheoryData<string, string, string> Queries => new()
    {
        { "a lower-case query term matches any case", "CEASEFIRE NOW. Ceasefire talks. A ceasefire.", "ceasefire:3" },
        { "a figure in a query is held to the capital rule", "She played her trump card for a ceasefire.", "ceasefire:1" },
        { "a figure in a query matches where it is a name", "Voters asked Trump for a ceasefire.", "ceasefire:1 trump-ceasefire:2" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void NamesWrittenWithCapitalsMatchWhereTheTextWritesThemAsNames(string why, string title, string body, string expected)
    {
        var result = Matcher.Match(new ArticleText(title, body));

        Assert.True(expected == Summary(result, EntityKind.Figure), $"{why}: expected \"{expected}\", got \"{Summary(result, EntityKind.Figure)}\"");
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void QueriesSeeTheSameFigureMentionsAsTheFigures(string why, string body, string expected)
    {
        var result = Matcher.Match(new ArticleText(string.Empty, body));

        Assert.True(expected == Summary(result, EntityKind.Topic), $"{why}: expected \"{expected}\", got \"{Summary(result, EntityKind.Topic)}\"");
    }

    [Theory]
    [InlineData(".", "")]
    [InlineData("!", "")]
    [InlineData("?", "")]
    [InlineData(":", "")]
    [InlineData(" |", "")]
    [InlineData("\n", "")]
    [InlineData("\r\n", "")]
    [InlineData(" •", "")]
    [InlineData("…", "")]
    [InlineData(",", "gordon-brown:1")]
    [InlineData(";", "gordon-brown:1")]
    [InlineData(" -", "gordon-brown:1")]
    public void EachSentenceEndMakesTheNextCapitalSentenceInitial(string end, string expected)
    {
        // After a sentence end "Brown" proves nothing, and this article uses the word only as a word; after any other
        // mark its capital is a name's.
        var result = Matcher.Match(new ArticleText(string.Empty, $"Prices rose{end} Brown rice is cheap. Cook the brown rice slowly."));

        Assert.Equal(expected, Summary(result, EntityKind.Figure));
    }

    [Fact]
    public void WhatOneArticleSaysAboutANamesCaseIsForgottenByTheNext()
    {
        // The matcher keeps its working memory between articles on a thread: the first article's common word must not
        // outlive it and drop the second's sentence-initial name, nor the second's name keep the first's common word.
        var word = new ArticleText(string.Empty, "Brown rice is cheap. Cook the brown rice slowly.");
        var name = new ArticleText(string.Empty, "Brown spoke first.");

        Assert.Equal("", Summary(Matcher.Match(word), EntityKind.Figure));
        Assert.Equal("gordon-brown:1", Summary(Matcher.Match(name), EntityKind.Figure));
        Assert.Equal("", Summary(Matcher.Match(word), EntityKind.Figure));
    }

    private static string Summary(MatchResult result, EntityKind kind)
        => string.Join(' ', result.Entities.Where(e => e.Kind == kind).OrderBy(e => e.Id, StringComparer.Ordinal).Select(e => $"{e.Id}:{e.Count}"));
}
