using System.Text.Json;
using NewsMonitor.Cli;

namespace NewsMonitor.IntegrationTests;

/// <summary>The JSON line shapes of <c>monitor check</c>, <c>extract</c> and <c>feed</c>, which other tools depend on.</summary>
public sealed class CliContractTests
{
    private static string Demo(string path) => Path.Combine(LocalEnvironment.RepositoryRoot, "seeds", "demo", path);

    [Fact]
    public async Task CheckPrintsOneJsonObjectPerInputWithEntitiesAndMentions()
    {
        var (exit, lines) = await RunAsync("check", Demo("articles/trump-putin-ally.html"), Demo("articles/jazz-festival-trumpet.html"), "--json");

        Assert.Equal(0, exit);
        Assert.Equal(2, lines.Count);
        var seed = lines[0].RootElement;
        Assert.Equal(Demo("articles/trump-putin-ally.html"), seed.GetProperty("source").GetString());
        Assert.StartsWith("Donald Trump, Putin", seed.GetProperty("title").GetString(), StringComparison.Ordinal);
        var putin = seed.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "vladimir-putin");
        Assert.Equal("figure", putin.GetProperty("kind").GetString());
        Assert.Equal("Vladimir Putin", putin.GetProperty("name").GetString());
        Assert.Equal(15, putin.GetProperty("count").GetInt32());
        Assert.InRange(putin.GetProperty("score").GetDouble(), 0, 1);
        var mention = seed.GetProperty("mentions").EnumerateArray().First(m => m.GetProperty("entityId").GetString() == "vladimir-putin");
        foreach (var property in new[] { "term", "start", "length", "snippet" })
        {
            Assert.True(mention.TryGetProperty(property, out _), $"mention has no {property}");
        }

        Assert.Empty(lines[1].RootElement.GetProperty("entities").EnumerateArray());
    }

    [Fact]
    public async Task CheckReportsAFailingInputAsAnErrorObjectAndExitsNonZero()
    {
        var (exit, lines) = await RunAsync("check", "no-such-file.txt", Demo("articles/eu-sanctions-package.html"), "--json");

        Assert.Equal(1, exit);
        Assert.Equal("no-such-file.txt", lines[0].RootElement.GetProperty("source").GetString());
        Assert.Contains("no such file", lines[0].RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.True(lines[1].RootElement.TryGetProperty("entities", out _));
    }

    [Fact]
    public async Task CheckReadsPlainTextWithTheFirstLineAsTitle()
    {
        var (exit, lines) = await RunAsync("check", Path.Combine(LocalEnvironment.RepositoryRoot, "seeds", "000_ffb1792d1e66d82e.txt"), "--json");

        Assert.Equal(0, exit);
        var root = Assert.Single(lines).RootElement;
        Assert.Equal("Trends", root.GetProperty("title").GetString());
        var ids = root.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Contains("steve-witkoff", ids);
        Assert.Contains("bob-woodward", ids);
    }

    [Fact]
    public async Task CheckWithABrokenWatchlistNamesTheFileAndTheProblem()
    {
        var watchlist = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(watchlist, """{"figures":[],"topics":[{"id":"x","query":"(a OR b"}]}""");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CliApp.RunAsync(["check", Demo("articles/eu-sanctions-package.html"), "--watchlist", watchlist], output, error);

        Assert.NotEqual(0, exit);
        Assert.Contains(watchlist, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("topics[0] (x).query, col 8: expected ')'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckExplainAddsEachQueryWithItsClauses()
    {
        var (exit, lines) = await RunAsync("check", Demo("articles/eu-sanctions-package.html"), "--json", "--explain");

        Assert.Equal(0, exit);
        var explain = Assert.Single(lines).RootElement.GetProperty("explain").EnumerateArray().ToList();
        var sanctions = explain.Single(e => e.GetProperty("entityId").GetString() == "sanctions");
        Assert.True(sanctions.GetProperty("matched").GetBoolean());
        Assert.Equal("topic", sanctions.GetProperty("kind").GetString());
        Assert.NotEmpty(sanctions.GetProperty("clause").GetProperty("clauses").EnumerateArray());
        Assert.Contains(explain, e => !e.GetProperty("matched").GetBoolean());
    }

    [Fact]
    public async Task ExtractPrintsSourceTitleAndText()
    {
        var (exit, lines) = await RunAsync("extract", Demo("articles/trump-putin-ally.html"), "--json");

        Assert.Equal(0, exit);
        var root = Assert.Single(lines).RootElement;
        Assert.Equal(["source", "title", "text"], root.EnumerateObject().Select(p => p.Name));
        Assert.Contains("Vyacheslav Nikonov, a senior Russian lawmaker", root.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Leave a Reply", root.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedPrintsFormatTitleAndItems()
    {
        var (exit, lines) = await RunAsync("feed", Demo("feed.xml"), "--json");

        Assert.Equal(0, exit);
        var root = Assert.Single(lines).RootElement;
        Assert.Equal("rss20", root.GetProperty("format").GetString());
        Assert.Equal("Global Affairs Daily (demo)", root.GetProperty("title").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(10, items.Count);
        Assert.All(items, i => Assert.Equal(["id", "title", "link", "published"], i.EnumerateObject().Select(p => p.Name)));
        Assert.All(items, i => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T", i.GetProperty("published").GetString()));
    }

    [Fact]
    public async Task FeedReportsANonFeedAsAnError()
    {
        var (exit, lines) = await RunAsync("feed", Demo("index.html"), "--json");

        Assert.Equal(1, exit);
        Assert.Contains("not a readable feed", Assert.Single(lines).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableStorageIsAClearErrorNotACrash()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        // Not the development account (for which the CLI would start Azurite): an account nothing answers for.
        var deadPorts = NewsMonitor.Cli.LocalHost.AzuriteProcess.ConnectionStringFor(1, 1, 1).Replace("devstoreaccount1", "unreachable", StringComparison.Ordinal);

        var exit = await CliApp.RunAsync(["matches"], output, error, new Dictionary<string, string?> { ["AzureWebJobsStorage"] = deadPorts });

        Assert.Equal(1, exit);
        Assert.Contains("storage cannot be reached", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<(int Exit, List<JsonDocument> Lines)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = new Dictionary<string, string?> { ["Monitor:WatchlistPath"] = Path.Combine(LocalEnvironment.RepositoryRoot, "seeds", "watchlist.json") };

        var exit = await CliApp.RunAsync(args, output, error, settings);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => JsonDocument.Parse(l)).ToList();
        return (exit, lines);
    }
}
