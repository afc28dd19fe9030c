using System.Text.Json;
using NewsMonitor.Matching;
using NewsMonitor.Storage;

namespace NewsMonitor.IntegrationTests;

/// <summary><c>monitor run --once</c> over the demo feed served on loopback, against Azurite.</summary>
[Collection(SharedAzurite.Name)]
public sealed class DemoPipelineTests(LocalEnvironment environment)
{
    public static readonly string[] MatchingSlugs =
        ["trump-putin-ally", "nato-rutte-brussels", "paris-ukraine-security-talks", "black-sea-shipping-erdogan", "eu-sanctions-package", "melania-trump-online-safety"];

    public static readonly string[] NonMatchingSlugs =
        ["jazz-festival-trumpet", "football-harbourside-derby", "deep-sea-coral-discovery", "pistachio-macarons-recipe"];

    [Fact]
    public async Task OneRunStoresExactlyTheMatchingDemoArticles()
    {
        var deployment = environment.NewDeployment();

        var run = await deployment.RunCliAsync("run", "--once");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("items new: 10", run.Output, StringComparison.Ordinal);
        Assert.Contains("articles processed: 10, matched: 6", run.Output, StringComparison.Ordinal);
        var stored = (await deployment.MatchedBlobPathsAsync()).Select(p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal);
        Assert.Equal(MatchingSlugs.Select(environment.ArticleIdOf).Order(StringComparer.Ordinal), stored);
    }

    [Fact]
    public async Task NonMatchingArticlesAreSeenButNotStored()
    {
        var deployment = environment.NewDeployment();

        await deployment.RunCliAsync("run", "--once");

        var seen = new SeenArticleStore(deployment.Storage);
        foreach (var slug in NonMatchingSlugs)
        {
            var row = await seen.GetAsync(environment.ArticleIdOf(slug));
            Assert.NotNull(row);
            Assert.Equal(SeenStatus.Unmatched, row.Status);
            Assert.Null(row.BlobPath);
        }
    }

    [Fact]
    public async Task SeedArticleJsonNamesItsFiguresWithOffsetsAndSnippets()
    {
        var deployment = environment.NewDeployment();
        await deployment.RunCliAsync("run", "--once");
        var id = environment.ArticleIdOf("trump-putin-ally");

        var path = (await deployment.MatchedBlobPathsAsync()).Single(p => p.EndsWith($"/{id}.json", StringComparison.Ordinal));
        var json = (await deployment.Storage.Matches.GetBlobClient(path).DownloadContentAsync()).Value.Content.ToString();
        var article = JsonSerializer.Deserialize<StoredArticle>(json, JsonDefaults.Options)!;

        Assert.Matches(@"^\d{4}/\d{2}/\d{2}/[0-9a-f]{32}\.json$", path);
        Assert.StartsWith("Donald Trump, Putin’s “Ally” In Plain Sight?", article.Title, StringComparison.Ordinal);
        foreach (var figure in new[] { "donald-trump", "vladimir-putin", "steve-witkoff" })
        {
            Assert.Contains(article.Entities, e => e.Id == figure);
            var mentions = article.Mentions.Where(m => m.EntityId == figure).ToList();
            Assert.NotEmpty(mentions);
            foreach (var mention in mentions)
            {
                var text = mention.Field == TextField.Title ? article.Title : article.Text;
                var found = text.Substring(mention.Start, mention.Length);
                Assert.Equal(Tokenizer.FoldedWords(mention.Term), Tokenizer.FoldedWords(found));
                Assert.Equal(found, mention.Snippet.Substring(mention.SnippetOffset, mention.Length));
                Assert.InRange(mention.Snippet.Length, mention.Length, SnippetBuilder.MaxLength);
            }
        }

        Assert.Equal(2, article.Mentions.Count(m => m.EntityId == "steve-witkoff"));
        Assert.Contains(article.Mentions, m => m.EntityId == "steve-witkoff" && m.Snippet.Contains("White House envoy Steve Witkoff received", StringComparison.Ordinal));
        Assert.DoesNotContain("Leave a Reply", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondRunStoresNothingNewAndEnqueuesNothing()
    {
        var deployment = environment.NewDeployment();
        await deployment.RunCliAsync("run", "--once");
        var storedAfterFirst = await deployment.MatchedBlobPathsAsync();
        var feedState = await new FeedStateStore(deployment.Storage).GetAsync("demo");

        var second = await deployment.RunCliAsync("run", "--once");

        Assert.NotNull(feedState?.HttpETag);
        Assert.Contains("feeds polled: 1 (1 not modified, 0 failed)", second.Output, StringComparison.Ordinal);
        Assert.Contains("items new: 0", second.Output, StringComparison.Ordinal);
        Assert.Contains("articles processed: 0", second.Output, StringComparison.Ordinal);
        Assert.Equal(storedAfterFirst, await deployment.MatchedBlobPathsAsync());
    }

    [Fact]
    public async Task ItemsAlreadySeenAreNotQueuedEvenWhenTheFeedChanges()
    {
        var deployment = environment.NewDeployment();
        await deployment.RunCliAsync("run", "--once");
        var state = (await new FeedStateStore(deployment.Storage).GetAsync("demo"))!;
        state.HttpETag = null;
        state.HttpLastModified = null;
        state.ContentHash = null;
        await new FeedStateStore(deployment.Storage).SaveAsync(state);

        var second = await deployment.RunCliAsync("run", "--once");

        Assert.Contains("feeds polled: 1 (0 not modified, 0 failed)", second.Output, StringComparison.Ordinal);
        Assert.Contains("items new: 0", second.Output, StringComparison.Ordinal);
    }
}
