using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Archive;
using NewsMonitor.Configuration;
using NewsMonitor.Matching;
using NewsMonitor.Reading.Search;
using NewsMonitor.Watchlists.Queries;

namespace NewsMonitor.IntegrationTests;

/// <summary>Any query of the watchlist language over every archived article, matched or not, newest first, a page at a time.</summary>
[Collection(SharedAzurite.Name)]
public sealed class SearchArchiveTests(LocalEnvironment environment) : IAsyncLifetime
{
    private static readonly DateTimeOffset Hour = ArchiveCorpus.Hour;

    private static readonly Dictionary<string, ArchivedArticle> Corpus = new[]
    {
        ArchiveCorpus.Article("levy-vote", Hour.AddHours(-2).AddMinutes(10), "Harbour levy vote", "Graham Nkosi said the harbour levy would pass."),
        ArchiveCorpus.Article("putin-envoys", Hour.AddHours(-5).AddMinutes(20), "Putin speaks", "Vladimir Putin met envoys. The harbour levy was not discussed.", feed: "wire"),
        ArchiveCorpus.Article("levy-passed", Hour.AddHours(-26), "Council business", "The levy on the harbour passed."),
        ArchiveCorpus.Article("nkosi-returns", Hour.AddHours(-50), "Nkosi returns", "Graham Nkosi returned to the council.", feed: "wire"),
        ArchiveCorpus.Article("jazz", Hour.AddHours(-3), "Jazz festival", "The trumpet player opened the festival."),
    }.ToDictionary(a => a.Url.Segments[^1]);

    private readonly TestDeployment deployment = environment.NewDeployment();

    public async Task InitializeAsync()
    {
        await deployment.Storage.EnsureCreatedAsync();
        await using var services = deployment.BuildServices();
        await ArchiveCorpus.WriteAsync(services, Corpus.Values.Where(a => a.Url.Segments[^1] != "levy-vote"), [Corpus["levy-vote"]]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task APhraseFindsAnArticleTheWatchlistNeverMatchedWithThePhraseHighlighted()
    {
        await using var services = deployment.BuildServices();
        var live = await services.GetRequiredService<MonitorConfiguration>().GetMatcherAsync();
        Assert.False(live.Match(Corpus["levy-vote"].ToArticleText(), "demo").IsMatch);

        var page = await SearchAsync(services, "\"harbour levy\"");

        Assert.Equal([Corpus["levy-vote"].ArticleId, Corpus["putin-envoys"].ArticleId], page.Items.Select(i => i.ArticleId));
        Assert.Equal(
            [(TextField.Title, "Harbour levy vote", "Harbour levy"), (TextField.Body, "Graham Nkosi said the harbour levy would pass.", "harbour levy")],
            page.Items[0].Snippets.Select(s => (s.Field, s.Text, s.Text.Substring(Assert.Single(s.Highlights).Offset, s.Highlights[0].Length))));
        Assert.Null(page.NextCursor);
        Assert.True(page.Scan.Complete);
        Assert.Equal(Corpus.Count, page.Scan.Articles);
    }

    public static TheoryData<string, string[], string?> Queries => new()
    {
        { "levy NOT putin", ["levy-vote", "levy-passed"], null },
        { "nkosi NEAR/5 council", ["nkosi-returns"], null },
        { "title:nkosi", ["nkosi-returns"], null },
        { "harb*", ["levy-vote", "putin-envoys", "levy-passed"], null },
        { "@vladimir-putin AND levy", ["putin-envoys"], null },
        { "nkosi OR levy", ["putin-envoys", "nkosi-returns"], "wire" },
        { "trumpet OR festival", ["jazz"], null },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task EveryOperatorOfTheLanguageWorksOverTheArchive(string query, string[] expected, string? feed)
    {
        await using var services = deployment.BuildServices();

        var page = await SearchAsync(services, query, feeds: feed is null ? [] : [feed]);

        Assert.Equal(expected.Select(slug => Corpus[slug].ArticleId), page.Items.Select(i => i.ArticleId));
    }

    [Fact]
    public async Task PagesReturnEveryResultOnceNewestFirstWithoutRereadingNewerHours()
    {
        var ferries = Enumerable.Range(0, 23).Select(i => ArchiveCorpus.Article($"ferry-{i}", Hour.AddHours(-(i / 3)).AddMinutes(-(i % 3) * (i % 2)), $"Ferry {i}", "The ferry sailed at dawn.")).ToList();
        await using var services = deployment.BuildServices();
        await ArchiveCorpus.WriteAsync(services, ferries);
        var blocks = await services.GetRequiredService<ArticleArchive>().ListBlocksAsync(Hour.AddDays(-7), Hour.AddHours(1));

        var pages = new List<SearchPage>();
        string? cursor = null;
        do
        {
            pages.Add(await SearchAsync(services, "ferry", limit: 4, cursor: cursor));
            cursor = pages[^1].NextCursor;
        }
        while (cursor is not null && pages.Count < 20);

        var ids = pages.SelectMany(p => p.Items).Select(i => i.ArticleId).ToList();
        var expected = ferries.OrderByDescending(a => a.DiscoveredAt).ThenBy(a => a.ArticleId, StringComparer.Ordinal).Select(a => a.ArticleId);
        Assert.Equal(expected, ids);
        Assert.Equal(6, pages.Count);
        Assert.All(pages.SkipLast(1), p => Assert.Equal(4, p.Items.Count));

        // Each page re-reads at most the shards of the hour its cursor points into.
        Assert.InRange(pages.Sum(p => p.Scan.Blocks), 1, blocks.Count + ((pages.Count - 1) * ArchiveBlock.ShardCount));
    }

    [Fact]
    public async Task AQueryNamingAnUnknownFigureOrNotParsingSaysWhereAndWhy()
    {
        await using var services = deployment.BuildServices();

        var unknown = await Assert.ThrowsAsync<QuerySyntaxException>(() => SearchAsync(services, "levy AND @graham-nkosi"));
        var broken = await Assert.ThrowsAsync<QuerySyntaxException>(() => SearchAsync(services, "(levy OR tariff"));

        Assert.Equal((10, "unknown figure @graham-nkosi"), (unknown.Column, unknown.Reason[..28]));
        Assert.Equal(16, broken.Column);
    }

    [Fact]
    public async Task TheCliPrintsHighlightedResultsWhatItScannedAndTheNextPageCommand()
    {
        var first = await deployment.RunCliAsync("search", "levy OR nkosi", "--since", "7d", "--limit", "2");
        var json = await deployment.RunCliAsync("search", "levy OR nkosi", "--since", "7d", "--format", "json");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("body: Graham «Nkosi» said the harbour «levy» would pass.", first.Output, StringComparison.Ordinal);
        Assert.Contains("title: «Nkosi» returns", (await deployment.RunCliAsync("search", "title:nkosi")).Output, StringComparison.Ordinal);
        Assert.Contains("2 result(s); scanned ", first.Output, StringComparison.Ordinal);
        var next = first.Output.Split('\n').Single(l => l.StartsWith("next page: monitor search 'levy OR nkosi' --since ", StringComparison.Ordinal));
        var cursor = next[(next.IndexOf("--cursor ", StringComparison.Ordinal) + 9)..].Trim();
        var second = await deployment.RunCliAsync("search", "levy OR nkosi", "--since", "7d", "--limit", "2", "--cursor", cursor);
        Assert.Contains("Council business", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Harbour levy vote", second.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(4, document.RootElement.GetProperty("items").GetArrayLength());
        Assert.True(document.RootElement.GetProperty("scan").GetProperty("complete").GetBoolean());
    }

    [Fact]
    public async Task TheJsonOfASearchHasTheShapeScriptsDependOn()
    {
        var result = await deployment.RunCliAsync("search", "title:nkosi", "--format", "json");

        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement;
        Assert.Equal("title:nkosi", root.GetProperty("query").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("nextCursor").ValueKind);
        var item = Assert.Single(root.GetProperty("items").EnumerateArray());
        Assert.Equal((Corpus["nkosi-returns"].ArticleId, "wire", "Nkosi returns", 1), (item.GetProperty("articleId").GetString(), item.GetProperty("feedId").GetString(), item.GetProperty("title").GetString(), item.GetProperty("mentions").GetInt32()));
        Assert.Equal(Corpus["nkosi-returns"].Url.ToString(), item.GetProperty("url").GetString());
        Assert.Equal(Corpus["nkosi-returns"].DiscoveredAt, item.GetProperty("discoveredAt").GetDateTimeOffset());
        var snippet = Assert.Single(item.GetProperty("snippets").EnumerateArray());
        Assert.Equal(("title", "Nkosi returns", 0, 5), (snippet.GetProperty("field").GetString(), snippet.GetProperty("text").GetString(), snippet.GetProperty("highlights")[0].GetProperty("offset").GetInt32(), snippet.GetProperty("highlights")[0].GetProperty("length").GetInt32()));
        foreach (var property in new[] { "blocks", "articles", "textMegabytes", "seconds", "readingSeconds", "matchingSeconds", "textMegabytesPerSecond", "complete" })
        {
            Assert.True(root.GetProperty("scan").TryGetProperty(property, out _), $"scan has no {property}");
        }
    }

    public static TheoryData<string[], string> UsageErrors => new()
    {
        { ["search", "(levy"], "monitor search: query \"(levy\", col 6: expected ')'" },
        { ["search", "levy AND @nobody"], "monitor search: query \"levy AND @nobody\", col 10: unknown figure @nobody" },
        { ["search"], "monitor search: give the query as one argument" },
        { ["search", "levy", "--limit", "500"], "monitor search: --limit: \"500\" must be a whole number from 1 to 200" },
        { ["search", "levy", "--cursor", "nope"], "monitor search: --cursor: \"nope\" is not a cursor" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task ABadSearchIsAUsageErrorNamingTheProblem(string[] args, string expected)
    {
        var result = await deployment.RunCliAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected, result.Error, StringComparison.Ordinal);
    }

    private static Task<SearchPage> SearchAsync(IServiceProvider services, string query, IReadOnlyList<string>? feeds = null, int limit = 20, string? cursor = null)
    {
        var request = new SearchRequest(query, Hour.AddDays(-7), Hour.AddHours(1), limit)
        {
            Feeds = feeds ?? [],
            Cursor = cursor is null ? null : SearchCursor.TryParse(cursor, out var parsed) ? parsed : throw new ArgumentException(cursor),
        };
        return services.GetRequiredService<ArchiveSearch>().SearchAsync(request);
    }
}
