using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Reading;
using NewsMonitor.Reviews;

namespace NewsMonitor.IntegrationTests;

/// <summary>Review state on a demo run: stored with who and when, and dismissed matches leaving the stream, counts and the CLI's default view.</summary>
[Collection(SharedAzurite.Name)]
public sealed class TriageTests(LocalEnvironment environment) : IAsyncLifetime
{
    private readonly TestDeployment deployment = environment.NewDeployment();

    public async Task InitializeAsync() => Assert.Equal(0, (await deployment.RunCliAsync("run", "--once")).ExitCode);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EveryActionIsStoredWithWhoAndWhenAndSurvivesARestart()
    {
        var id = environment.ArticleIdOf("trump-putin-ally");
        await using (var services = deployment.BuildServices())
        {
            var reviews = services.GetRequiredService<ReviewService>();
            Assert.Equal(ReviewStatus.Saved, (await reviews.ApplyAsync(id, new ReviewChange { State = ReviewStates.Dismissed, Reason = "Putin Street, not the man" }, "ana")).Status);
            Assert.Equal(ReviewStatus.Saved, (await reviews.ApplyAsync(id, new ReviewChange { Starred = true, Note = "ask the desk" }, "bo")).Status);
        }

        await using var restarted = deployment.BuildServices();
        var review = (await restarted.GetRequiredService<ReviewService>().GetAsync(id))!;

        Assert.Equal((ReviewStates.Dismissed, true, "Putin Street, not the man", "ask the desk", "bo"), (review.State, review.Starred, review.Reason, review.Note, review.By));
        Assert.Equal(["bo", "ana"], review.History.Select(h => h.By));
        Assert.Equal(review.At, review.History[0].At);
        Assert.True(review.History[1].At <= review.History[0].At);
        Assert.False(review.History[1].Starred);
        Assert.InRange(review.At!.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task UndoIsTheNextActionAndRestoresThePreviousState()
    {
        var id = environment.ArticleIdOf("nato-rutte-brussels");
        await using var services = deployment.BuildServices();
        var reviews = services.GetRequiredService<ReviewService>();
        await reviews.ApplyAsync(id, new ReviewChange { State = ReviewStates.Relevant }, "ana");
        var dismissed = (await reviews.ApplyAsync(id, new ReviewChange { State = ReviewStates.Dismissed, Reason = "wrong Rutte" }, "ana")).Review!;

        var undone = (await reviews.ApplyAsync(id, ReviewChange.Undo(dismissed)!, "ana")).Review!;
        var listed = await ListAsync(services, "relevant");

        Assert.Equal((ReviewStates.Relevant, (string?)null), (undone.State, undone.Reason));
        Assert.Equal(3, undone.History.Count);
        Assert.Equal([id], listed.Select(m => m.ArticleId));
    }

    public static TheoryData<string, ReviewChange, ReviewStatus, string> Refused => new()
    {
        { new string('0', 32), new ReviewChange { State = "relevant" }, ReviewStatus.NotFound, $"articleId: no stored match with id {new string('0', 32)}" },
        { "not-an-id", new ReviewChange { State = "relevant" }, ReviewStatus.Invalid, "articleId: \"not-an-id\" is not an article id (32 lower-case hex digits)" },
        { "trump-putin-ally", new ReviewChange { State = "spam" }, ReviewStatus.Invalid, "state: \"spam\" is not one of relevant, dismissed (or null to clear)" },
        { "trump-putin-ally", new ReviewChange { Note = new string('n', 2001) }, ReviewStatus.Invalid, "note: 2,001 characters; at most 2,000" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ARefusedActionSaysWhyAndStoresNothing(string article, ReviewChange change, ReviewStatus status, string problem)
    {
        var id = article == "trump-putin-ally" ? environment.ArticleIdOf(article) : article;
        await using var services = deployment.BuildServices();
        var reviews = services.GetRequiredService<ReviewService>();

        var result = await reviews.ApplyAsync(id, change, "ana");

        Assert.Equal((status, problem), (result.Status, Assert.Single(result.Problems)));
        Assert.Equal(0, await CountRowsAsync());
    }

    [Fact]
    public async Task ADismissedMatchLeavesTheStreamAndTheCountsButNotTheDismissedView()
    {
        var dismissed = environment.ArticleIdOf("trump-putin-ally");
        var starred = environment.ArticleIdOf("eu-sanctions-package");
        await using var services = deployment.BuildServices();
        var statistics = services.GetRequiredService<EntityStatistics>();
        var countsBefore = (await statistics.ListAsync()).ToDictionary(e => e.Id);
        await services.GetRequiredService<ReviewService>().ApplyAsync(dismissed, new ReviewChange { State = ReviewStates.Dismissed }, "ana");
        await services.GetRequiredService<ReviewService>().ApplyAsync(starred, new ReviewChange { Starred = true }, "ana");

        var stream = await ListAsync(services, null);
        var byEntity = await ListAsync(services, null, "vladimir-putin");
        var onlyDismissed = await ListAsync(services, "dismissed");
        var everything = await ListAsync(services, "any");
        var onlyStarred = await ListAsync(services, "starred");
        var unreviewed = await ListAsync(services, "unreviewed");
        var countsAfter = (await statistics.ListAsync()).ToDictionary(e => e.Id);

        Assert.Equal(5, stream.Count);
        Assert.DoesNotContain(stream, m => m.ArticleId == dismissed);
        Assert.Empty(byEntity);
        Assert.Equal([dismissed], onlyDismissed.Select(m => m.ArticleId));
        Assert.Equal(new ReviewMark(ReviewStates.Dismissed, false), onlyDismissed[0].Review);
        Assert.Equal(6, everything.Count);
        Assert.Equal([starred], onlyStarred.Select(m => m.ArticleId));
        Assert.Equal(new ReviewMark(null, true), stream.Single(m => m.ArticleId == starred).Review);
        Assert.Equal(4, unreviewed.Count);
        Assert.Equal((1, 0), (countsBefore["vladimir-putin"].Last7Days, countsAfter["vladimir-putin"].Last7Days));
        Assert.Equal(countsBefore["donald-trump"].Last7Days - 1, countsAfter["donald-trump"].Last7Days);
        Assert.Equal((1, 1), (countsBefore["ursula-von-der-leyen"].Last7Days, countsAfter["ursula-von-der-leyen"].Last7Days));
    }

    [Fact]
    public async Task MonitorShowPrintsTheReviewAndMatchesFiltersByIt()
    {
        var id = environment.ArticleIdOf("trump-putin-ally");
        var unreviewed = await deployment.RunCliAsync("show", id, "--plain");
        await using (var services = deployment.BuildServices())
        {
            await services.GetRequiredService<ReviewService>().ApplyAsync(id, new ReviewChange { State = ReviewStates.Dismissed, Reason = "a street\u001b[31m", Note = "second look" }, "ana@example.org");
        }

        var show = await deployment.RunCliAsync("show", id, "--plain");
        var listed = await deployment.RunCliAsync("matches");
        var dismissed = await deployment.RunCliAsync("matches", "--review", "dismissed");
        var bad = await deployment.RunCliAsync("matches", "--review", "deleted");

        Assert.EndsWith("review: unreviewed" + Environment.NewLine, unreviewed.Output, StringComparison.Ordinal);
        Assert.Matches(@"review: dismissed  ·  by ana@example\.org  ·  \d{4}-\d\d-\d\d \d\d:\d\d UTC", show.Output);
        Assert.Contains("reason: a street\\u001B[31m", show.Output, StringComparison.Ordinal);
        Assert.Contains("note: second look", show.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(id, listed.Output, StringComparison.Ordinal);
        Assert.Contains("5 matched article(s)", listed.Output, StringComparison.Ordinal);
        Assert.Contains(id, dismissed.Output, StringComparison.Ordinal);
        Assert.Contains("1 matched article(s)", dismissed.Output, StringComparison.Ordinal);
        Assert.Matches(@"\s+dismissed\s+", dismissed.Output.Split('\n')[1]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--review: \"deleted\" is not one of relevant, dismissed, starred, unreviewed, any", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatchesAsJsonCarryTheReviewMark()
    {
        var id = environment.ArticleIdOf("nato-rutte-brussels");
        await using (var services = deployment.BuildServices())
        {
            await services.GetRequiredService<ReviewService>().ApplyAsync(id, new ReviewChange { State = ReviewStates.Relevant, Starred = true }, "ana");
        }

        var run = await deployment.RunCliAsync("matches", "--review", "relevant", "--format", "json");

        using var json = JsonDocument.Parse(run.Output);
        var item = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("""{"state":"relevant","starred":true}""", item.GetProperty("review").GetRawText());
    }

    private static async Task<IReadOnlyList<MatchSummary>> ListAsync(ServiceProvider services, string? review, string? entity = null)
    {
        var query = MatchQuery.Parse(new MatchQueryInput { Review = review, Entities = entity is null ? [] : [entity], Limit = "200" }, DateTimeOffset.UtcNow, out var problems);
        Assert.Empty(problems);
        return (await services.GetRequiredService<MatchFinder>().FindAsync(query)).Items;
    }

    private async Task<int> CountRowsAsync()
    {
        var count = 0;
        await foreach (var _ in deployment.Storage.Reviews.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            count++;
        }

        return count;
    }
}
