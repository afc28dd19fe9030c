using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Configuration;
using NewsMonitor.Watchlists;

namespace NewsMonitor.IntegrationTests;

/// <summary>An exclusion proposed from a dismissed mention, written where the pipeline reads the watchlist and used without a restart.</summary>
[Collection(SharedAzurite.Name)]
public sealed class WatchlistEditorTests(LocalEnvironment environment)
{
    [Fact]
    public async Task AProposalWritesNothingAndAnAppliedExclusionIsUsedByTheRunningMonitor()
    {
        var deployment = environment.NewDeployment();
        var path = UseOwnWatchlist(deployment);
        var original = await File.ReadAllTextAsync(path);
        await using var services = deployment.BuildServices();
        var configuration = services.GetRequiredService<MonitorConfiguration>();
        var editor = services.GetRequiredService<WatchlistEditor>();
        var before = await configuration.GetMatcherAsync();

        var proposal = await editor.ExcludeAsync(new WatchlistExclusion("vladimir-putin", Phrase: "Putin Street"), apply: false);
        var unchanged = await File.ReadAllTextAsync(path);
        var applied = await editor.ExcludeAsync(new WatchlistExclusion("vladimir-putin", Phrase: "Putin Street"), apply: true);
        var after = await configuration.GetMatcherAsync();

        Assert.Equal(("figures[2] (vladimir-putin).exclude += \"Putin Street\"", false), (proposal.Change, proposal.Applied));
        Assert.Empty(proposal.Problems);
        Assert.Equal(original, unchanged);
        Assert.True(applied.Applied);
        Assert.Equal(applied.After, await File.ReadAllTextAsync(path));
        Assert.Empty(before.Watchlist.Figures.Single(f => f.Id == "vladimir-putin").Exclude);
        Assert.Equal(["Putin Street"], after.Watchlist.Figures.Single(f => f.Id == "vladimir-putin").Exclude);
        Assert.Equal(before.Watchlist.Figures.Count, after.Watchlist.Figures.Count);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public async Task ABlockedFeedStopsTheEntityMatchingItsArticles()
    {
        var deployment = environment.NewDeployment();
        UseOwnWatchlist(deployment);
        WatchlistChange change;
        await using (var services = deployment.BuildServices())
        {
            change = await services.GetRequiredService<WatchlistEditor>().ExcludeAsync(new WatchlistExclusion("vladimir-putin", FeedId: "demo"), apply: true);
        }

        await deployment.RunCliAsync("run", "--once");
        var putin = await deployment.RunCliAsync("matches", "--entity", "vladimir-putin");
        var trump = await deployment.RunCliAsync("matches", "--entity", "donald-trump");

        Assert.True(change.Applied, string.Join("; ", change.Problems));
        Assert.Equal("figures[2] (vladimir-putin).blockFeeds += \"demo\"", change.Change);
        Assert.Contains("No matches in this period.", putin.Output, StringComparison.Ordinal);
        Assert.Contains("2 matched article(s)", trump.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownFeedOrAnEditThatWouldNotValidateIsNotWritten()
    {
        var deployment = environment.NewDeployment();
        var path = UseOwnWatchlist(deployment);
        var original = await File.ReadAllTextAsync(path);
        await using var services = deployment.BuildServices();
        var editor = services.GetRequiredService<WatchlistEditor>();

        var unknownFeed = await editor.ExcludeAsync(new WatchlistExclusion("vladimir-putin", FeedId: "nowhere"), apply: true);
        await File.WriteAllTextAsync(path, original.Replace("\"aliases\": [\n        \"Putin\",", "\"aliases\": [\n        \"P\",", StringComparison.Ordinal));
        var invalid = await editor.ExcludeAsync(new WatchlistExclusion("vladimir-putin", Phrase: "President Putin Street"), apply: true);

        Assert.Equal(["feedId: \"nowhere\" is not in the feed list"], unknownFeed.Problems);
        Assert.False(unknownFeed.Applied || invalid.Applied);
        Assert.Contains(invalid.Problems, p => p.StartsWith("figures[2] (vladimir-putin).aliases[0]:", StringComparison.Ordinal));
        Assert.DoesNotContain("President Putin Street", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InStorageTheBlobIsRewrittenAndTheChangeIsSeenWithoutARestart()
    {
        var deployment = environment.NewDeployment();
        await deployment.Storage.EnsureCreatedAsync();
        Assert.Equal(0, (await deployment.RunCliAsync("config", "push")).ExitCode);
        deployment.Settings["Monitor:ConfigContainer"] = "config";
        deployment.Settings["Monitor:ConfigRefreshInterval"] = "00:00:01";
        var seedFile = await File.ReadAllTextAsync(deployment.Settings["Monitor:WatchlistPath"]!);
        await using var services = deployment.BuildServices();
        var configuration = services.GetRequiredService<MonitorConfiguration>();
        var before = await configuration.GetMatcherAsync();

        var change = await services.GetRequiredService<WatchlistEditor>().ExcludeAsync(new WatchlistExclusion("sanctions", FeedId: "demo"), apply: true);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var after = await configuration.GetMatcherAsync();
        var blob = (await deployment.Storage.ConfigContainer("config").GetBlobClient("watchlist.json").DownloadContentAsync()).Value.Content.ToString();

        Assert.True(change.Applied, string.Join("; ", change.Problems));
        Assert.False(before.Watchlist.IsBlocked("sanctions", "demo"));
        Assert.True(after.Watchlist.IsBlocked("sanctions", "demo"));
        Assert.Equal(["demo"], JsonNode.Parse(blob)!["topics"]!.AsArray().Single(t => (string?)t!["id"] == "sanctions")!["blockFeeds"]!.AsArray().Select(f => (string?)f));
        Assert.Equal(seedFile, await File.ReadAllTextAsync(deployment.Settings["Monitor:WatchlistPath"]!));
    }

    [Fact]
    public async Task ABlobChangedSinceItWasReadIsNotOverwritten()
    {
        var deployment = environment.NewDeployment();
        await deployment.Storage.EnsureCreatedAsync();
        await deployment.RunCliAsync("config", "push");
        deployment.Settings["Monitor:ConfigContainer"] = "config";
        var blob = deployment.Storage.ConfigContainer("config").GetBlobClient("watchlist.json");
        await using var services = deployment.BuildServices();
        var editor = services.GetRequiredService<WatchlistEditor>();

        // Two reviewers apply at once: each read the same version, only one write may win.
        var changes = await Task.WhenAll(
            editor.ExcludeAsync(new WatchlistExclusion("vladimir-putin", Phrase: "Putin Street"), apply: true),
            editor.ExcludeAsync(new WatchlistExclusion("donald-trump", Phrase: "Trump Tower"), apply: true),
            editor.ExcludeAsync(new WatchlistExclusion("sanctions", FeedId: "demo"), apply: true));
        var stored = (await blob.DownloadContentAsync()).Value.Content.ToString();

        var written = changes.Where(c => c.Applied).ToList();
        Assert.NotEmpty(written);
        Assert.All(changes.Where(c => !c.Applied), c => Assert.EndsWith("-config/watchlist.json: changed since it was read; nothing was written, propose the change again", Assert.Single(c.Problems), StringComparison.Ordinal));
        Assert.All(written, c => Assert.Contains(c.Change.Split(" += ")[1], stored, StringComparison.Ordinal));
    }

    /// <summary>A copy of the seed watchlist the test may change, as the deployment's watchlist.</summary>
    private static string UseOwnWatchlist(TestDeployment deployment)
    {
        var path = Path.Combine(deployment.Folder, "watchlist.json");
        File.Copy(Path.Combine(LocalEnvironment.RepositoryRoot, "seeds", "watchlist.json"), path);
        deployment.Settings["Monitor:WatchlistPath"] = path;
        return path;
    }
}
