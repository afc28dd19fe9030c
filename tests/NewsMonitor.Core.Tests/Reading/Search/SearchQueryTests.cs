using NewsMonitor.Matching;
using NewsMonitor.Reading.Search;
using NewsMonitor.Watchlists.Queries;

namespace NewsMonitor.Tests.Reading.Search;

public sealed class SearchQueryTests
{
    private static readonly NewsMonitor.Watchlists.Watchlist Live = TestWatchlists.Parse("""
        { "figures": [ { "id": "graham-nkosi", "name": "Graham Nkosi", "aliases": ["Nkosi"] } ] }
        """);

    private static readonly DateTimeOffset At = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string, bool> Queries => new()
    {
        { "\"harbour levy\"", "Budget news", "The council passed the harbour levy on Monday.", true },
        { "\"harbour levy\"", "Budget news", "The levy on the harbour passed.", false },
        { "levy NOT harbour", "Budget news", "The levy on the harbour passed.", false },
        { "levy NOT harbour", "Budget news", "The levy on fuel passed.", true },
        { "council NEAR/3 levy", "Budget news", "The council passed the levy.", true },
        { "council NEAR/1 levy", "Budget news", "The council passed the levy.", false },
        { "title:budget", "Budget news", "Nothing else here.", true },
        { "title:levy", "Budget news", "The levy passed.", false },
        { "harb*", "Budget news", "Ships left the harbours.", true },
        { "@graham-nkosi AND levy", "Nkosi speaks", "He opposed the levy.", true },
        { "@graham-nkosi AND levy", "Council speaks", "He opposed the levy.", false },
        { "levy OR tariff", "Budget news", "A new tariff.", true },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void AQueryMatchesAnArchivedArticleAsATopicWithThatQueryWould(string query, string title, string body, bool matches)
    {
        var article = SearchTestArticles.Article("0123456789abcdef0123456789abcdef", At, title, body);

        var mentions = SearchQuery.Compile(query, Live).Find(article);

        Assert.Equal(matches, mentions.Count > 0);
    }

    [Fact]
    public void TheEvidenceIsTheQuerysHitsOnlyTitleFirst()
    {
        var article = SearchTestArticles.Article("0123456789abcdef0123456789abcdef", At, "Nkosi and the levy", "Graham Nkosi spoke. The levy passed. Nkosi left.");

        var mentions = SearchQuery.Compile("levy", Live).Find(article);

        Assert.Equal([(TextField.Title, 14), (TextField.Body, 24)], mentions.Select(m => (m.Field, m.Start)));
    }

    public static TheoryData<string, int, string> BadQueries => new()
    {
        { "(levy OR tariff", 16, "expected ')'" },
        { "levy AND", 9, "" },
        { "@nobody AND levy", 1, "unknown figure @nobody; the watchlist's figures are @graham-nkosi" },
        { "   ", 1, "the query is empty" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public void ABadQueryNamesTheColumnAndTheProblem(string query, int column, string reason)
    {
        var problem = Assert.Throws<QuerySyntaxException>(() => SearchQuery.Compile(query, Live));

        Assert.Equal(column, problem.Column);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"\"{query}\", col {column}: ", SearchQuery.Describe(query, problem), StringComparison.Ordinal);
    }

    [Fact]
    public void HitsInOneSentenceShareOneSnippetAndAtMostTheFirstFewSentencesAreKept()
    {
        var article = SearchTestArticles.Article("0123456789abcdef0123456789abcdef", At, "The levy", "A levy and a levy. One levy. Two levy. Three levy.");
        var mentions = SearchQuery.Compile("levy", Live).Find(article);

        var snippets = HighlightedSnippet.From(mentions, 3);

        Assert.Equal(6, mentions.Count);
        Assert.Equal(["The levy", "A levy and a levy.", "One levy."], snippets.Select(s => s.Text));
        Assert.Equal([new Highlight(2, 4), new Highlight(13, 4)], snippets[1].Highlights);
        Assert.Equal(TextField.Title, snippets[0].Field);
    }
}
