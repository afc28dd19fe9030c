using NewsMonitor.Archive;
using NewsMonitor.Articles;
using NewsMonitor.Backfill;
using NewsMonitor.Matching;
using NewsMonitor.Storage;
using NewsMonitor.Tests;

namespace NewsMonitor.Tests.Backfill;

public sealed class ArticleRematchTests
{
    private const string Old = """
        { "figures": [ { "id": "ada-obi", "name": "Ada Obi" } ], "topics": [ { "id": "mining", "name": "Mining", "query": "mine OR mining" } ] }
        """;

    private const string New = """
        { "figures": [ { "id": "ada-obi", "name": "Ada Obi" }, { "id": "graham-nkosi", "name": "Graham Nkosi", "aliases": ["Nkosi"] } ], "topics": [ { "id": "mining", "name": "Mining", "query": "mining" } ] }
        """;

    private static readonly DateTimeOffset Discovered = new(2026, 11, 20, 9, 15, 0, TimeSpan.Zero);

    /// <summary>
    /// An article's text, whether the live pipeline stored it under the old watchlist, the job's entities the index
    /// lists for it, and what applying the job must change.
    /// </summary>
    public static TheoryData<string, string, string[], string[], string[], string[], string[]> Cases => new()
    {
        { "a new figure in an article that matched nothing", "Graham Nkosi spoke in Pretoria.", [], [], ["graham-nkosi"], [], ["graham-nkosi"] },
        { "a new figure beside a figure already matched", "Ada Obi met Graham Nkosi.", ["ada-obi"], [], ["graham-nkosi"], [], ["ada-obi", "graham-nkosi"] },
        { "a narrowed query no longer holds", "A new mine opened near Ada Obi's town.", ["ada-obi", "mining"], ["mining"], [], ["mining"], ["ada-obi"] },
        { "a narrowed query no longer holds and nothing else matches", "The mine opened on Tuesday.", ["mining"], ["mining"], [], ["mining"], [] },
        { "a narrowed query that still holds", "Mining resumed; Nkosi watched.", ["mining"], ["mining"], ["graham-nkosi"], [], ["graham-nkosi", "mining"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ApplyingAJobChangesExactlyItsEntitiesAndWritesOneHistoryLineEach(string name, string body, string[] storedBefore, string[] listed, string[] added, string[] removed, string[] after)
    {
        var (archived, stored) = Processed(body, storedBefore);

        var change = Rematch(archived, stored, listed);

        Assert.True(added.SequenceEqual(change.Added), name);
        Assert.True(removed.SequenceEqual(change.Removed), name);
        Assert.True(after.SequenceEqual(change.Article!.Entities.Select(e => e.Id).Order(StringComparer.Ordinal)), name);
        Assert.All(change.Article.Mentions, m => Assert.Contains(m.EntityId, after));
        Assert.True(change.BlobChanged, name);
        Assert.Equal(added.Select(id => (id, EntityChange.Added)).Concat(removed.Select(id => (id, EntityChange.Removed))), change.Article.Changes.Select(c => (c.EntityId, c.Action)));
        Assert.All(change.Article.Changes, c => Assert.Equal(("job1", "v2"), (c.Job, c.WatchlistVersion)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ApplyingAgainAfterTheBlobWasWrittenAddsNoSecondHistoryLine(string name, string body, string[] storedBefore, string[] listed, string[] added, string[] removed, string[] after)
    {
        var (archived, stored) = Processed(body, storedBefore);
        var first = Rematch(archived, stored, listed);

        // Stopped after the blob, before any index row: the index still lists what it listed.
        var again = Rematch(archived, first.Article, listed);

        Assert.True(added.SequenceEqual(again.Added), name);
        Assert.True(removed.SequenceEqual(again.Removed), name);
        Assert.Equal(first.Article!.Changes, again.Article!.Changes);
        Assert.Equal(first.Article.Entities, again.Article.Entities);
        Assert.False(again.BlobChanged, name);
        Assert.True(after.SequenceEqual(again.Article.Entities.Select(e => e.Id).Order(StringComparer.Ordinal)), name);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ApplyingAgainOnceEverythingIsWrittenChangesNothing(string name, string body, string[] storedBefore, string[] listed, string[] added, string[] removed, string[] after)
    {
        var (archived, stored) = Processed(body, storedBefore);
        var first = Rematch(archived, stored, listed);
        var nowListed = listed.Except(removed).Union(added).ToArray();

        var again = Rematch(archived, first.Article, nowListed);

        Assert.False(again.ChangesIndex || again.BlobChanged, name);
        Assert.Equal(after.Length, again.Article!.Entities.Count);
    }

    [Fact]
    public void AnArticleThatNeverMatchedAndStillDoesNotGetsNoBlob()
    {
        var (archived, _) = Processed("The weather was mild.", []);

        var change = Rematch(archived, null, []);

        Assert.Null(change.Article);
        Assert.False(change.ChangesIndex || change.BlobChanged);
    }

    private static ArticleRematch Rematch(ArchivedArticle archived, StoredArticle? stored, string[] listed)
    {
        var matcher = TestWatchlists.Matcher(New);
        var fingerprints = EntityFingerprints.Of(matcher.Watchlist);
        string[] jobEntities = ["graham-nkosi", "mining"];
        var job = new BackfillJobEntities("job1", "v2", jobEntities.ToDictionary(id => id, id => fingerprints[id], StringComparer.Ordinal), Discovered.AddDays(3));
        var fresh = matcher.Match(archived.ToArticleText(), archived.FeedId).Without(id => !job.Contains(id));
        return ArticleRematch.Compute(archived, stored, listed.ToHashSet(StringComparer.Ordinal), fresh, job);
    }

    /// <summary>The article as archived, and its blob as the live pipeline stored it under the old watchlist (null when it matched nothing).</summary>
    private static (ArchivedArticle Archived, StoredArticle? Stored) Processed(string body, string[] expectedEntities)
    {
        var url = new Uri("https://news.example/story");
        var archived = new ArchivedArticle("ab" + new string('0', 30), "wire", url, url, "Report", Discovered, Discovered, Discovered.AddMinutes(1), TextOrigin.Feed, null, "en", body, "v1");
        var result = TestWatchlists.Matcher(Old).Match(archived.ToArticleText(), archived.FeedId);
        Assert.Equal(expectedEntities.Where(id => id != "graham-nkosi"), result.Entities.Select(e => e.Id).Order(StringComparer.Ordinal));
        return (archived, result.IsMatch ? Stored(archived, result) : null);
    }

    private static StoredArticle Stored(ArchivedArticle a, MatchResult result)
        => new(a.ArticleId, a.FeedId, a.Url, a.CanonicalUrl, a.Title, a.Published, a.DiscoveredAt, a.ProcessedAt, a.TextOrigin, a.Byline, a.Language, a.Text, "v1", result.Entities, result.Mentions);
}
