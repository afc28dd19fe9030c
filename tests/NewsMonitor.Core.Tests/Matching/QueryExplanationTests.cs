using NewsMonitor.Articles;
using NewsMonitor.Matching;

namespace NewsMonitor.Tests.Matching;

/// <summary><c>monitor check --explain</c>: why a topic or alert rule did or did not match.</summary>
public sealed class QueryExplanationTests
{
    private static readonly MentionMatcher Matcher = TestWatchlists.Matcher("""
        {
          "figures": [ { "id": "vladimir-putin", "name": "Vladimir Putin", "aliases": ["Putin"] } ],
          "topics": [
            { "id": "ceasefire", "name": "Ceasefire", "query": "(ceasefire OR truce OR \"peace deal\") AND Ukraine" },
            { "id": "no-gaza", "name": "Not Gaza", "query": "truce NOT Gaza" },
            { "id": "putin-talks", "name": "Putin talks", "query": "@vladimir-putin NEAR/3 talks" }
          ]
        }
        """);

    [Fact]
    public void ExplainsEveryQueryWithTheOutcomeOfEachClause()
    {
        var explanations = Matcher.Explain(new ArticleText("A truce in Gaza", "Talks resumed on Monday morning. Putin was silent on Ukraine."));

        var ceasefire = explanations.Single(e => e.EntityId == "ceasefire");
        Assert.True(ceasefire.Matched);
        Assert.Equal("AND", ceasefire.Clause.Clause);
        var or = ceasefire.Clause.Clauses[0];
        Assert.Equal(["ceasefire:False", "truce:True", "\"peace deal\":False"], or.Clauses.Select(c => $"{c.Clause}:{c.Matched}"));
        Assert.Equal(1, ceasefire.Clause.Clauses[1].Hits);

        var noGaza = explanations.Single(e => e.EntityId == "no-gaza");
        Assert.False(noGaza.Matched);
        Assert.Equal(["truce:True", "NOT:False"], noGaza.Clause.Clauses.Select(c => $"{c.Clause}:{c.Matched}"));
        Assert.True(noGaza.Clause.Clauses[1].Clauses[0].Matched);

        var putinTalks = explanations.Single(e => e.EntityId == "putin-talks");
        Assert.False(putinTalks.Matched);
        Assert.Equal("NEAR/3", putinTalks.Clause.Clause);
        Assert.All(putinTalks.Clause.Clauses, c => Assert.True(c.Matched));
    }

    [Fact]
    public void ExplanationAgreesWithMatchForEveryQuery()
    {
        var article = new ArticleText("Ukraine truce holds", "Putin held talks on the peace deal.");

        var matched = Matcher.Match(article).Entities.Where(e => e.Kind != NewsMonitor.Watchlists.EntityKind.Figure).Select(e => e.Id);
        var explained = Matcher.Explain(article).Where(e => e.Matched).Select(e => e.EntityId);

        Assert.Equal(matched.Order(StringComparer.Ordinal), explained.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ANearChainIsOneClauseLabelledWithEachLinksDistance()
    {
        var matcher = TestWatchlists.Matcher("""{ "topics": [ { "id": "chain", "query": "Trump NEAR/2 Putin NEAR/7 summit" } ] }""");

        var chain = Assert.Single(matcher.Explain(new ArticleText("", "Trump met Putin before the summit.")));

        Assert.True(chain.Matched);
        Assert.Equal("NEAR/2 NEAR/7", chain.Clause.Clause);
        Assert.Equal(["Trump", "Putin", "summit"], chain.Clause.Clauses.Select(c => c.Clause));
    }
}
