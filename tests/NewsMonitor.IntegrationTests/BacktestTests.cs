using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Archive;
using NewsMonitor.Matching;
using NewsMonitor.Reading.Search;
using NewsMonitor.Watchlists;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// A proposed watchlist against the live one over the archive: an added figure gains exactly the articles naming it, a
/// narrowed query and a blocked feed lose exactly theirs, examples show which, and nothing is written anywhere.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class BacktestTests(LocalEnvironment environment) : IAsyncLifetime
{
    private static readonly DateTimeOffset Hour = ArchiveCorpus.Hour;

    private static readonly Dictionary<string, ArchivedArticle> Corpus = new[]
    {
        ArchiveCorpus.Article("nkosi-returns", Hour.AddHours(-50), "Nkosi returns", "Graham Nkosi returned to the council.", feed: "wire"),
        ArchiveCorpus.Article("levy-vote", Hour.AddHours(-2).AddMinutes(10), "Harbour levy vote", "Graham Nkosi said the harbour levy would pass."),
        ArchiveCorpus.Article("nkosi-long-ago", Hour.AddDays(-40), "Nkosi elected", "Graham Nkosi was elected."),
        ArchiveCorpus.Article("grain-corridor", Hour.AddHours(-10), "Black Sea grain corridor reopens", "Ships carried grain across the Black Sea."),
        ArchiveCorpus.Article("fleet", Hour.AddHours(-12), "Black Sea fleet", "The Black Sea fleet sailed."),
        ArchiveCorpus.Article("putin-envoys", Hour.AddHours(-5), "Putin speaks", "Vladimir Putin met envoys.", feed: "wire"),
        ArchiveCorpus.Article("putin-minsk", Hour.AddHours(-6), "Putin in Minsk", "President Putin arrived."),
    }.ToDictionary(a => a.Url.Segments[^1]);

    private readonly TestDeployment deployment = environment.NewDeployment();

    public async Task InitializeAsync()
    {
        await deployment.Storage.EnsureCreatedAsync();
        await using var services = deployment.BuildServices();
        await ArchiveCorpus.WriteAsync(services, Corpus.Values.Where(a => a.Url.Segments[^1] != "levy-vote"), [Corpus["levy-vote"]]);
        await File.WriteAllTextAsync(ProposedPath, ProposedJson());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string ProposedPath => Path.Combine(deployment.Folder, "proposed.json");

    [Fact]
    public async Task AnAddedFigureANarrowedQueryAndABlockedFeedGainAndLoseExactlyTheirArticles()
    {
        await using var services = deployment.BuildServices();
        var proposed = WatchlistLoader.Parse(File.ReadAllBytes(ProposedPath), ProposedPath);

        var report = await services.GetRequiredService<Backtest>().RunAsync(proposed, Hour.AddDays(-30), Hour.AddHours(1));

        Assert.Equal(["graham-nkosi", "black-sea", "vladimir-putin"], report.Entities.Take(3).Select(e => e.Id));
        Assert.Equal((2, 2), (report.Gained, report.Lost));
        var nkosi = report.Entities[0];
        Assert.Equal((DefinitionChange.Added, EntityKind.Figure, 0, 2, 2, 0), (nkosi.Status, nkosi.Kind, nkosi.Live, nkosi.Proposed, nkosi.Gained, nkosi.Lost));
        Assert.Equal([Corpus["levy-vote"].ArticleId, Corpus["nkosi-returns"].ArticleId], nkosi.GainedExamples.Select(e => e.ArticleId));
        Assert.Equal((TextField.Body, "Graham Nkosi"), Highlighted(nkosi.GainedExamples[0]));
        Assert.Equal((TextField.Title, "Nkosi"), Highlighted(nkosi.GainedExamples[1]));
        Assert.Equal(("Harbour levy vote", "demo", Corpus["levy-vote"].Url), (nkosi.GainedExamples[0].Title, nkosi.GainedExamples[0].FeedId, nkosi.GainedExamples[0].Url));
        var blackSea = report.Entities[1];
        Assert.Equal((DefinitionChange.Changed, 2, 1, 0, 1), (blackSea.Status, blackSea.Live, blackSea.Proposed, blackSea.Gained, blackSea.Lost));
        Assert.Equal(Corpus["grain-corridor"].ArticleId, Assert.Single(blackSea.LostExamples).ArticleId);
        Assert.Equal((TextField.Title, "Black Sea"), Highlighted(blackSea.LostExamples[0]));
        var putin = report.Entities[2];
        Assert.Equal((DefinitionChange.Changed, 2, 1, 0, 1), (putin.Status, putin.Live, putin.Proposed, putin.Gained, putin.Lost));
        Assert.Equal(Corpus["putin-envoys"].ArticleId, Assert.Single(putin.LostExamples).ArticleId);
        Assert.All(report.Entities.Skip(3), e => Assert.Equal((DefinitionChange.Unchanged, 0, 0), (e.Status, e.Gained, e.Lost)));
        Assert.Equal(Corpus.Count - 1, report.Scan.Articles);
    }

    [Fact]
    public async Task TheBacktestsGainsAndLossesAreTheDifferenceOfBothWatchlistsMatchesOnTheArchive()
    {
        await using var services = deployment.BuildServices();
        var proposed = WatchlistLoader.Parse(File.ReadAllBytes(ProposedPath), ProposedPath);
        var live = await services.GetRequiredService<Configuration.MonitorConfiguration>().GetMatcherAsync();

        var report = await services.GetRequiredService<Backtest>().RunAsync(proposed, Hour.AddDays(-30), Hour.AddHours(1));

        // The definition the backfill must end with: matched by proposed and not by live is gained, the reverse lost.
        var inWindow = Corpus.Values.Where(a => a.DiscoveredAt >= Hour.AddDays(-30)).ToList();
        var before = inWindow.SelectMany(a => live.Match(a.ToArticleText(), a.FeedId).Entities.Select(e => (a.ArticleId, e.Id))).ToHashSet();
        var after = inWindow.SelectMany(a => new MentionMatcher(proposed).Match(a.ToArticleText(), a.FeedId).Entities.Select(e => (a.ArticleId, e.Id))).ToHashSet();
        foreach (var entity in report.Entities)
        {
            Assert.Equal(after.Count(p => p.Id == entity.Id && !before.Contains(p)), entity.Gained);
            Assert.Equal(before.Count(p => p.Id == entity.Id && !after.Contains(p)), entity.Lost);
            Assert.Equal((before.Count(p => p.Id == entity.Id), after.Count(p => p.Id == entity.Id)), (entity.Live, entity.Proposed));
        }
    }

    [Fact]
    public async Task TheCliPrintsTheComparisonWithExamplesAndWritesNothing()
    {
        var before = await StorageSnapshot.TakeAsync(environment.ConnectionString, deployment.Prefix);

        var table = await deployment.RunCliAsync("backtest", "--watchlist", ProposedPath, "--since", "30d");
        var json = await deployment.RunCliAsync("backtest", "--watchlist", ProposedPath, "--format", "json");

        Assert.Equal(before, await StorageSnapshot.TakeAsync(environment.ConnectionString, deployment.Prefix));
        Assert.Equal(0, table.ExitCode);
        var lines = table.Output.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Matches(@"^graham-nkosi\s+figure\s+added\s+0\s+2\s+\+2\s+-0$", lines.First(l => l.StartsWith("graham-nkosi ", StringComparison.Ordinal)));
        Assert.Contains("graham-nkosi gains 2, for example:", lines);
        Assert.Contains("    body: «Graham Nkosi» said the harbour levy would pass.", lines);
        Assert.Contains("black-sea loses 1, for example:", lines);
        Assert.Contains("2 match(es) gained, 2 lost;", table.Output, StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        var first = document.RootElement.GetProperty("entities")[0];
        Assert.Equal(("graham-nkosi", "added", 2), (first.GetProperty("id").GetString(), first.GetProperty("status").GetString(), first.GetProperty("gained").GetInt32()));
        Assert.Equal("Graham Nkosi", Highlighted(first.GetProperty("gainedExamples")[0].GetProperty("snippet")));
    }

    [Fact]
    public async Task AnInvalidProposedWatchlistFailsWithTheLoadersOwnMessages()
    {
        var broken = Path.Combine(deployment.Folder, "broken.json");
        await File.WriteAllTextAsync(broken, """{"figures":[],"topics":[{"id":"x","query":"(a OR b"}]}""");

        var result = await deployment.RunCliAsync("backtest", "--watchlist", broken);
        var missing = await deployment.RunCliAsync("backtest");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(broken, result.Error, StringComparison.Ordinal);
        Assert.Contains("topics[0] (x).query, col 8: expected ')'", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("monitor backtest: --watchlist FILE is required", missing.Error, StringComparison.Ordinal);
    }

    /// <summary>The seed watchlist with a figure added, the Black Sea topic narrowed, and Putin blocked in one feed.</summary>
    private static string ProposedJson()
    {
        var watchlist = JsonNode.Parse(File.ReadAllText(Path.Combine(LocalEnvironment.RepositoryRoot, "seeds", "watchlist.json")), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        watchlist["figures"]!.AsArray().Add(new JsonObject { ["id"] = "graham-nkosi", ["name"] = "Graham Nkosi", ["aliases"] = new JsonArray("Nkosi") });
        watchlist["figures"]!.AsArray().Single(f => (string?)f!["id"] == "vladimir-putin")!["blockFeeds"] = new JsonArray("wire");
        watchlist["topics"]!.AsArray().Single(t => (string?)t!["id"] == "black-sea")!["query"] = "\"Black Sea\" NOT grain";
        return watchlist.ToJsonString();
    }

    private static (TextField Field, string Text) Highlighted(BacktestExample example)
    {
        var snippet = example.Snippet!;
        var highlight = snippet.Highlights[0];
        return (snippet.Field, snippet.Text.Substring(highlight.Offset, highlight.Length));
    }

    private static string Highlighted(JsonElement snippet)
    {
        var highlight = snippet.GetProperty("highlights")[0];
        return snippet.GetProperty("text").GetString()!.Substring(highlight.GetProperty("offset").GetInt32(), highlight.GetProperty("length").GetInt32());
    }
}
