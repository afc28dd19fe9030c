using NewsMonitor.Articles;
using NewsMonitor.Matching;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Tests.Matching;

/// <summary>
/// The seed article against the seed watchlist. Counts were checked by hand against the text: every whole-word
/// occurrence, "Putin’s" included, with a longer name taking its words ("Donald Trump" counts once, not also as "Trump").
/// </summary>
public sealed class SeedArticleTests
{
    private static readonly Lazy<MatchResult> Result = new(() =>
    {
        var watchlist = WatchlistLoader.Parse(File.ReadAllBytes(TestFiles.PathOf(TestFiles.SeedWatchlist)), TestFiles.SeedWatchlist);
        var article = ArticleDocument.FromPlainText(TestFiles.ReadText(TestFiles.SeedArticle));
        return new MentionMatcher(watchlist).Match(article);
    });

    public static TheoryData<string, int> FigureCounts => new()
    {
        // 24 × "Trump": 3 inside "Donald Trump", 1 inside "President Trump", 20 alone (4 of them "Trump’s").
        { "donald-trump", 24 },

        // 16 × "Putin": 2 inside "Vladimir Putin", 14 alone (4 of them "Putin’s").
        { "vladimir-putin", 16 },

        // "White House envoy Steve Witkoff" and "a move that Witkoff later described".
        { "steve-witkoff", 2 },
        { "bob-woodward", 1 },
        { "vyacheslav-nikonov", 1 },
        { "feodor-voitolovsky", 1 },
    };

    [Fact]
    public void SeedArticleNamesExactlyTheseFigures()
    {
        var figures = Ids(EntityKind.Figure);

        Assert.Equal(["bob-woodward", "donald-trump", "feodor-voitolovsky", "steve-witkoff", "vladimir-putin", "vyacheslav-nikonov"], figures);
    }

    [Theory]
    [MemberData(nameof(FigureCounts))]
    public void SeedArticleMentionsEachFigureThisManyTimes(string id, int count)
    {
        var figure = Result.Value.Entities.Single(e => e.Id == id);

        Assert.Equal(count, figure.Count);
        Assert.Equal(count, Result.Value.Mentions.Count(m => m.EntityId == id));
    }

    [Fact]
    public void SeedArticleMatchesExactlyTheseTopics()
    {
        var topics = Ids(EntityKind.Topic);

        Assert.Equal(["black-sea", "nato", "sanctions", "ukraine-ceasefire", "us-russia-relations"], topics);
    }

    [Fact]
    public void SeedArticleRaisesTheTrumpPutinAndBlackSeaAlerts()
    {
        // "Donald Trump and Vladimir Putin" are 2 words apart; "ceasefire … Black Sea" are 15 words apart.
        var alerts = Ids(EntityKind.Alert);

        Assert.Equal(["black-sea-shipping-deal", "trump-putin-contact"], alerts);
    }

    [Theory]
    [InlineData("nato", 2)]
    [InlineData("black-sea", 1)]
    public void SeedArticleTopicEvidenceIsEveryOccurrence(string id, int count)
    {
        var topic = Result.Value.Entities.Single(e => e.Id == id);

        Assert.Equal(count, topic.Count);
    }

    [Fact]
    public void TrumpIsTheStrongestEntityOfTheSeedArticle()
    {
        var strongest = Result.Value.Entities[0];

        Assert.Equal("donald-trump", strongest.Id);
    }

    private static string[] Ids(EntityKind kind)
        => Result.Value.Entities.Where(e => e.Kind == kind).Select(e => e.Id).Order(StringComparer.Ordinal).ToArray();
}
