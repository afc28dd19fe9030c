using NewsMonitor.Articles;
using NewsMonitor.Matching;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Tests.Matching;

public sealed class MentionMatcherTests
{
    private const string Figures = """
          "figures": [
            {
              "id": "donald-trump",
              "name": "Donald Trump",
              "aliases": ["Trump", "President Trump", "Donald J. Trump"],
              "exclude": ["Donald Trump Jr", "Ivanka Trump", "Trump Tower"]
            },
            { "id": "melania-trump", "name": "Melania Trump", "aliases": ["Melania"] },
            { "id": "vladimir-putin", "name": "Vladimir Putin", "aliases": ["Putin", "President Putin"] },
            { "id": "recep-tayyip-erdogan", "name": "Recep Tayyip Erdoğan", "aliases": ["Erdoğan", "Tayyip Erdoğan"] },
            { "id": "united-states", "name": "United States", "caseSensitive": ["US"] }
          ]
        """;

    private const string Topics = """
          "topics": [
            { "id": "ceasefire", "name": "Ceasefire", "query": "ceasefire* OR truce" },
            { "id": "black-sea", "name": "Black Sea", "query": "\"Black Sea\"" },
            { "id": "summit", "name": "Trump–Putin summit", "query": "@donald-trump NEAR/5 @vladimir-putin" }
          ],
          "alerts": [
            { "id": "nato-headline", "name": "NATO headline", "query": "title:NATO", "priority": "high" }
          ]
        """;

    private static readonly MentionMatcher Matcher = TestWatchlists.Matcher("{" + Figures + "," + Topics + "}");

    public static TheoryData<string, string> FigureMentions => new()
    {
        { "Trump spoke on Monday.", "donald-trump:1" },
        { "Trumpington is a village near Cambridge.", "" },
        { "She played the trumpet at the festival.", "" },
        { "Trumpism outlived its founder.", "" },
        { "Putin's envoy arrived.", "vladimir-putin:1" },
        { "Putin’s envoy arrived.", "vladimir-putin:1" },
        { "The Putins' dacha is empty.", "" },
        { "The Trump-Putin summit was short.", "donald-trump:1 vladimir-putin:1" },
        { "A Trump–Putin call took place.", "donald-trump:1 vladimir-putin:1" },
        { "A Trump—Putin call took place.", "donald-trump:1 vladimir-putin:1" },
        { "Melania Trump opened the exhibition.", "melania-trump:1" },
        { "Melania Trump and Donald Trump arrived.", "donald-trump:1 melania-trump:1" },
        { "President Trump met President Putin.", "donald-trump:1 vladimir-putin:1" },
        { "Donald J. Trump signed it.", "donald-trump:1" },
        { "TRUMP AND PUTIN TO MEET IN RIYADH", "donald-trump:1 vladimir-putin:1" },
        { "trump and putin, in lower case", "donald-trump:1 vladimir-putin:1" },
        { "The US said no.", "united-states:1" },
        { "Let us go.", "" },
        { "The United States and the US agreed.", "united-states:2" },
        { "Donald Trump Jr. spoke.", "" },
        { "Ivanka Trump spoke.", "" },
        { "Ivanka Trump and her father, Donald Trump, spoke.", "donald-trump:1" },
        { "He met Trump at Trump Tower.", "donald-trump:1" },
        { "Erdogan spoke.", "recep-tayyip-erdogan:1" },
        { "ERDOĞAN SPOKE.", "recep-tayyip-erdogan:1" },
        { "Recep Tayyip Erdogan spoke, then Tayyip Erdoğan left.", "recep-tayyip-erdogan:2" },
        { "Pu\u00ADtin spoke.", "vladimir-putin:1" },
        { "Donald\u00A0Trump spoke.", "donald-trump:1" },
        { "Ｔｒｕｍｐ spoke.", "donald-trump:1" },
        { "Trump, Trump and Trump.", "donald-trump:3" },
        { "Vladimir\nPutin spoke.", "vladimir-putin:1" },
        { "Donald\r\nTrump spoke.", "donald-trump:1" },
        { "Vladimir\u2009Putin spoke.", "vladimir-putin:1" },
        { "Vladimir \u200B Putin spoke.", "vladimir-putin:1" },
        { "Putin\u2019s and Putin\u02BCs envoys.", "vladimir-putin:2" },
    };

    public static TheoryData<string, string, string, bool> TopicQueries => new()
    {
        { "ceasefire*", "", "Talks on a ceasefire resumed.", true },
        { "ceasefire*", "", "Ceasefires rarely hold.", true },
        { "ceasefire*", "", "The guns did cease fire.", false },
        { "\"Black Sea\"", "", "Ships crossed the Black Sea.", true },
        { "\"Black Sea\"", "", "Black-Sea shipping resumed.", true },
        { "\"Black Sea\"", "", "A black, calm and quiet sea.", false },
        { "NATO AND Russia", "", "NATO warned Russia.", true },
        { "NATO AND Russia", "", "NATO met in Brussels.", false },
        { "NATO Russia", "", "Russia answered NATO.", true },
        { "NATO OR Russia", "", "Russia responded.", true },
        { "NATO OR Russia", "", "Nothing relevant here.", false },
        { "NATO NOT Russia", "", "NATO met in Brussels.", true },
        { "NATO NOT Russia", "", "NATO warned Russia.", false },
        { "NOT Russia", "", "NATO met in Brussels.", false },
        { "(Gaza OR Hamas) AND truce", "", "A truce in Ukraine.", false },
        { "sanction* AND (Russia OR Iran)", "", "New sanctions on Iran.", true },
        { "Trump NEAR/3 Putin", "", "Trump will meet Putin.", true },
        { "Trump NEAR/2 Putin", "", "Trump will meet Putin.", false },
        { "Trump NEAR/3 Putin", "", "Putin will meet Trump.", true },
        { "Trump NEAR/1 Putin", "", "The Trump-Putin summit.", true },
        { "Trump NEAR/1 Putin", "", "Trump and Putin.", false },
        { "Trump NEAR/50 Putin", "Trump speaks", "Putin listens.", false },
        { "NATO AND Russia AND Iran", "", "NATO warned Russia.", false },
        { "NATO OR Russia OR Iran", "", "Iran answered.", true },
        { "Trump NEAR/2 Putin NEAR/2 summit", "", "Trump met Putin at summit.", true },
        { "Trump NEAR/1 Putin NEAR/3 summit", "", "Trump, Putin and then one more summit.", false },
        { "Trump NEAR/5 Putin NEAR/1 summit", "", "Summit: Trump waited for Putin.", true },
        { "title:NATO", "NATO summit opens", "Leaders arrive.", true },
        { "title:NATO", "Summit opens", "NATO leaders arrive.", false },
        { "title:ceasefire*", "Ceasefires collapse", "Nothing else.", true },
        { "@donald-trump AND sanctions", "", "President Trump announced sanctions.", true },
        { "@donald-trump AND sanctions", "", "Donald Trump Jr. discussed sanctions.", false },
        { "@vladimir-putin NEAR/2 summit", "", "A Putin summit.", true },
        { "@vladimir-putin NEAR/2 summit", "", "A Putin visit, then after many days a summit.", false },
        { "@melania-trump OR @donald-trump", "", "Melania arrived.", true },
        { "Erdoğan", "", "Erdogan spoke.", true },
        { "\"U.S.-Russia\"", "", "U.S. Russia ties improved.", true },
        { "\"U.S.-Russia\"", "", "US-Russia ties improved.", false },
    };

    public static TheoryData<string, string> ArticlesForOffsets => new()
    {
        { "Trump–Putin call", "Donald Trump called Vladimir Putin’s office. A ceasefire in the Black Sea was discussed." },
        { "ERDOĞAN AND PUTIN", "Recep Tayyip Erdogan met Pu\u00ADtin; Ceasefires were on the table.\nThe US said Donald\u00A0Trump agreed." },
        { "NATO summit", "Ｔｒｕｍｐ spoke. " + string.Join(' ', Enumerable.Repeat("filler", 80)) + " then Putin replied near the Black\u2009Sea, calling for a truce." },
        { "", "\uFEFFPutin\u200B’s truce: Trump-Putin, Trump–Putin, Trump—Putin." },
    };

    [Theory]
    [MemberData(nameof(FigureMentions))]
    public void FiguresAreFoundAsWholeNames(string body, string expected)
    {
        var result = Matcher.Match(new ArticleText(string.Empty, body));

        Assert.Equal(expected, Summary(result, EntityKind.Figure));
    }

    [Theory]
    [MemberData(nameof(TopicQueries))]
    public void TopicQueriesMatchOnlyWhenTheyHold(string query, string title, string body, bool expected)
    {
        var matcher = TestWatchlists.Matcher("{" + Figures + $$""", "topics": [{ "id": "topic", "query": {{System.Text.Json.JsonSerializer.Serialize(query)}} }] }""");

        var result = matcher.Match(new ArticleText(title, body));

        Assert.Equal(expected, result.Entities.Any(e => e.Id == "topic" && e.Kind == EntityKind.Topic));
    }

    [Fact]
    public void TopicCountIsTheNumberOfDistinctEvidenceHits()
    {
        var result = Matcher.Match(new ArticleText("Ceasefire", "A ceasefire, then a truce, then ceasefires."));

        var ceasefire = Assert.Single(result.Entities, e => e.Id == "ceasefire");
        Assert.Equal(("Ceasefire", EntityKind.Topic, 4), (ceasefire.Name, ceasefire.Kind, ceasefire.Count));
    }

    [Theory]
    [InlineData("ceasefire OR (ceasefire AND talks)", 2)]
    [InlineData("title:ceasefire OR ceasefire", 1)]
    [InlineData("@donald-trump OR (@donald-trump AND talks)", 2)]
    [InlineData("(Trump NEAR/3 talks) OR Trump", 2)]
    [InlineData("ceasefire OR talks OR Trump", 3)]
    public void AHitFoundByTwoClausesOfAQueryCountsOnce(string query, int expected)
    {
        var matcher = TestWatchlists.Matcher("{" + Figures + $$""", "topics": [{ "id": "topic", "query": {{System.Text.Json.JsonSerializer.Serialize(query)}} }] }""");

        var result = matcher.Match(new ArticleText("Ceasefire", "Trump joined the talks."));

        Assert.Equal(expected, Assert.Single(result.Entities, e => e.Id == "topic").Count);
        Assert.Equal(expected, result.Mentions.Count(m => m.EntityId == "topic"));
    }

    [Fact]
    public void AlertRulesMatchWithTheirKind()
    {
        var result = Matcher.Match(new ArticleText("NATO ministers meet", "They met in Brussels."));

        var alert = Assert.Single(result.Entities);
        Assert.Equal(("nato-headline", EntityKind.Alert, 1), (alert.Id, alert.Kind, alert.Count));
    }

    [Fact]
    public void FigureQueryEvidenceIsTheFigureMentions()
    {
        var result = Matcher.Match(new ArticleText(string.Empty, "Trump will meet Putin. Much later, Putin left."));

        Assert.Equal(2, result.Entities.Single(e => e.Id == "summit").Count);
        Assert.Equal(
            [("Trump", 0), ("Putin", 16)],
            result.Mentions.Where(m => m.EntityId == "summit").Select(m => (m.Term, m.Start)));
    }

    [Theory]
    [MemberData(nameof(ArticlesForOffsets))]
    public void EveryMentionSpanFoldsToItsTerm(string title, string body)
    {
        var result = Matcher.Match(new ArticleText(title, body));

        Assert.NotEmpty(result.Mentions);
        Assert.All(result.Mentions, mention =>
        {
            var text = mention.Field == TextField.Title ? title : body;
            var found = Tokenizer.FoldedWords(text.Substring(mention.Start, mention.Length));
            var term = Tokenizer.FoldedWords(mention.Term);
            Assert.Equal(term.Length, found.Length);
            Assert.Equal(term[..^1], found[..^1]);
            if (mention.Term.EndsWith('*'))
            {
                Assert.StartsWith(term[^1], found[^1], StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(term[^1], found[^1]);
            }
        });
    }

    [Theory]
    [MemberData(nameof(ArticlesForOffsets))]
    public void EverySnippetHoldsItsMentionAtTheSnippetOffset(string title, string body)
    {
        var result = Matcher.Match(new ArticleText(title, body));

        Assert.All(result.Mentions, mention =>
        {
            var text = mention.Field == TextField.Title ? title : body;
            Assert.Equal(text[mention.Start..(mention.Start + mention.Length)], mention.Snippet[mention.SnippetOffset..(mention.SnippetOffset + mention.Length)]);
            Assert.InRange(mention.Snippet.Length, mention.Length, SnippetBuilder.MaxLength);
        });
    }

    [Theory]
    [MemberData(nameof(ArticlesForOffsets))]
    public void MentionsAreInReadingOrderTitleFirst(string title, string body)
    {
        var result = Matcher.Match(new ArticleText(title, body));

        Assert.Equal(result.Mentions.OrderBy(m => m.Field).ThenBy(m => m.Start), result.Mentions);
    }

    [Theory]
    [MemberData(nameof(ArticlesForOffsets))]
    public void EntitiesAreSortedStrongestFirst(string title, string body)
    {
        var result = Matcher.Match(new ArticleText(title, body));

        Assert.Equal(result.Entities.OrderByDescending(e => e.Score).ThenBy(e => e.Id, StringComparer.Ordinal), result.Entities);
    }

    [Fact]
    public void EntityNamedInTheTitleOutranksOneMentionedLateInTheBody()
    {
        var body = string.Join(' ', Enumerable.Repeat("filler", 50)) + " Trump arrived.";

        var result = Matcher.Match(new ArticleText("Putin speaks", body));

        Assert.Equal(["vladimir-putin", "donald-trump"], result.Entities.Select(e => e.Id));
        Assert.True(result.Entities[0].Score > result.Entities[1].Score);
    }

    [Fact]
    public void ScoreIsTheScorerValueForCountTitleAndFirstOffset()
    {
        const string body = "Opening words. Putin spoke. Putin left.";

        var result = Matcher.Match(new ArticleText("No names here", body));

        var putin = Assert.Single(result.Entities);
        Assert.Equal(EntityScorer.Score(2, inTitle: false, body.IndexOf("Putin", StringComparison.Ordinal), body.Length), putin.Score);
    }

    [Fact]
    public void AllCapsHeadlineNamesItsFigures()
    {
        var result = Matcher.Match(new ArticleText("TRUMP AND PUTIN TO MEET IN RIYADH", "The leaders will talk on Friday."));

        Assert.Equal(
            [("donald-trump", TextField.Title, 0), ("vladimir-putin", TextField.Title, 10)],
            result.Mentions.Where(m => m.Kind == EntityKind.Figure).Select(m => (m.EntityId, m.Field, m.Start)));
    }

    [Fact]
    public void ArticleWithoutTrackedNamesIsNotAMatch()
    {
        var result = Matcher.Match(new ArticleText("Pistachio macarons", "Whisk the egg whites until stiff."));

        Assert.False(result.IsMatch);
        Assert.Empty(result.Mentions);
    }

    [Fact]
    public void AnArticleMatchedAfterAnotherOnTheSameThreadKeepsNothingOfIt()
    {
        // The matcher reuses one working memory per thread: a freak article with thousands of names, then a plain one.
        var crowded = new ArticleText("Putin", string.Concat(Enumerable.Repeat("Vladimir Putin met Donald Trump. ", 3000)));
        var plain = new ArticleText("Pistachio macarons", "Whisk the egg whites until stiff.");
        var named = new ArticleText("Talks", "Vladimir Putin spoke first.");
        var namedAlone = Matcher.Match(named);
        var crowdedResult = Matcher.Match(crowded);
        var crowdedMentions = crowdedResult.Mentions.ToList();

        Assert.Equal(3001, crowdedResult.Entities.Single(e => e.Id == "vladimir-putin").Count);
        Assert.Empty(Matcher.Match(plain).Mentions);
        Assert.Equal(namedAlone.Mentions, Matcher.Match(named).Mentions);
        Assert.Equal(namedAlone.Entities, Matcher.Match(named).Entities);

        // Nor does a result share anything with the memory the next article reuses.
        Assert.Equal(crowdedMentions, crowdedResult.Mentions);
    }

    [Fact]
    public void MentionsAreInReadingOrderAndAtOnePlaceByEntityIdEachWithItsSentence()
    {
        const string body = "Trump and Putin met. Later that week, after long and difficult talks in the capital, Putin spoke.";
        var later = body.LastIndexOf("Putin", StringComparison.Ordinal);

        var result = Matcher.Match(new ArticleText("Talks", body));

        Assert.Equal(
            [("donald-trump", 0), ("summit", 0), ("summit", 10), ("vladimir-putin", 10), ("vladimir-putin", later)],
            result.Mentions.Select(m => (m.EntityId, m.Start)));
        Assert.Equal(
            ["Trump and Putin met.", "Trump and Putin met.", "Trump and Putin met.", "Trump and Putin met.", body[21..]],
            result.Mentions.Select(m => m.Snippet));
        Assert.Equal([0, 0, 10, 10, later - 21], result.Mentions.Select(m => m.SnippetOffset));
    }

    [Fact]
    public void MentionRecordsTheMatchedNameAndField()
    {
        var result = Matcher.Match(new ArticleText("President Putin", "Vladimir Putin’s aide."));

        Assert.Equal(
            [("President Putin", TextField.Title, 0, 15), ("Vladimir Putin", TextField.Body, 0, 14)],
            result.Mentions.Select(m => (m.Term, m.Field, m.Start, m.Length)));
    }

    private static string Summary(MatchResult result, EntityKind kind)
        => string.Join(' ', result.Entities.Where(e => e.Kind == kind).OrderBy(e => e.Id, StringComparer.Ordinal).Select(e => $"{e.Id}:{e.Count}"));

    [Fact]
    public void HtmlEntitiesInPagesAreDecodedBeforeMatching()
    {
        const string Page = "<html><body><article><h1>Erdo&#287;an hosts talks</h1><p>Donald&nbsp;Trump called &ldquo;Putin&rsquo;s envoy&rdquo; &mdash; and Vladimir&#x20;Putin answered about the Black&#160;Sea, according to several officials in Ankara who spoke on Friday.</p></article></body></html>";
        var article = new NewsMonitor.Articles.PageTextExtractor().Extract(Page).ToArticleText();

        var result = Matcher.Match(article);

        Assert.Equal(["black-sea", "donald-trump", "recep-tayyip-erdogan", "summit", "vladimir-putin"], result.Entities.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2, result.Entities.Single(e => e.Id == "vladimir-putin").Count);
    }
}
