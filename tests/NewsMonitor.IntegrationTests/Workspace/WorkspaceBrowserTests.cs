using System.Drawing;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Backfill;
using NewsMonitor.Delivery.Spikes;
using NewsMonitor.Storage;
using NewsMonitor.Web.Workspace;
using OpenQA.Selenium;

namespace NewsMonitor.IntegrationTests.Workspace;

/// <summary>
/// The review workspace in Debian's Chromium against <c>monitor serve</c> on loopback and Azurite: what an analyst
/// sees and does, and that hostile feed text stays text.
/// </summary>
[Collection(SharedAzurite.Name)]
[Trait("Category", "Browser")]
public sealed class WorkspaceBrowserTests(LocalEnvironment environment, BrowserSession browser) : IClassFixture<BrowserSession>
{
    private static readonly TimeSpan PageLoad = TimeSpan.FromSeconds(30);

    private OpenQA.Selenium.Chrome.ChromeDriver Driver => browser.Driver;

    [Fact]
    public async Task StreamShowsEveryMatchWithHeadlineOutletTimeScoreAndHighlightedSnippet()
    {
        await using var served = await ServedWorkspace.StartAsync(environment);

        Open(served, "#/");
        var rows = Driver.WaitForRows(DemoPipelineTests.MatchingSlugs.Length);

        foreach (var row in rows)
        {
            var headline = row.FindElement(By.CssSelector(".headline a.source"));
            Assert.StartsWith(environment.SiteUrl.AbsoluteUri, headline.GetAttribute("href"), StringComparison.Ordinal);
            Assert.Equal("_blank", headline.GetAttribute("target"));
            Assert.Equal("noopener noreferrer", headline.GetAttribute("rel"));
            Assert.Equal("demo", row.FindElement(By.CssSelector(".outlet")).Text);
            Assert.False(string.IsNullOrEmpty(row.FindElement(By.CssSelector(".when time")).GetAttribute("datetime")));
            Assert.Matches(@"^[01]\.\d\d$", row.FindElement(By.CssSelector(".score")).Text);
            Assert.NotEmpty(row.FindElements(By.CssSelector(".chips .chip")));
        }

        var trumpPutin = RowOf(environment.ArticleIdOf("trump-putin-ally"));
        Assert.Contains(trumpPutin.FindElements(By.CssSelector(".snippet mark")), mark => mark.Text is "Trump" or "Putin" or "Witkoff" or "Donald Trump" or "Vladimir Putin" or "Steve Witkoff");
        Assert.Empty(SevereBrowserLog());
        SaveScreenshot();
    }

    [Fact]
    public async Task StrongestFirstOrdersTheStreamByScore()
    {
        await using var served = await ServedWorkspace.StartAsync(environment);
        Open(served, "#/");
        Driver.WaitForRows(DemoPipelineTests.MatchingSlugs.Length);

        Driver.FindElement(By.CssSelector("#filter-sort option[value='score']")).Click();
        Driver.Until("sort=score in the address", d => d.Url.Contains("sort=score", StringComparison.Ordinal));
        var rows = Driver.WaitForRows(DemoPipelineTests.MatchingSlugs.Length);

        var scores = rows.Select(r => double.Parse(r.FindElement(By.CssSelector(".score")).Text, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Fact]
    public async Task FilteringByAnEntityPutsTheFilterInTheAddressAndBackUndoesIt()
    {
        await using var served = await ServedWorkspace.StartAsync(environment);
        Open(served, "#/");
        Driver.WaitForRows(DemoPipelineTests.MatchingSlugs.Length);

        Driver.FindElement(By.XPath("//details[contains(@class,'check-list')]/summary[starts-with(., 'Entities')]")).Click();
        Driver.FindElement(By.CssSelector("input[name='entity'][value='steve-witkoff']")).Click();
        Driver.FindElement(By.XPath("//input[@value='steve-witkoff']/ancestor::fieldset//button[contains(@class,'apply')]")).Click();
        Driver.Until("entity=steve-witkoff in the address", d => d.Url.Contains("entity=steve-witkoff", StringComparison.Ordinal));
        var filtered = Driver.Until("only Witkoff's matches", d =>
        {
            var rows = d.Rows();
            return rows.Count > 0 && rows.Count < DemoPipelineTests.MatchingSlugs.Length && d.FindElement(By.Id("main")).GetAttribute("aria-busy") == "false" ? rows : null;
        });

        Assert.All(filtered, row => Assert.Contains(row.FindElements(By.CssSelector(".chip")), chip => chip.GetAttribute("href")!.EndsWith("/entity/steve-witkoff", StringComparison.Ordinal)));
        var bookmarked = Driver.Url;
        Driver.Navigate().Back();
        Driver.WaitForRows(DemoPipelineTests.MatchingSlugs.Length);
        Driver.Navigate().GoToUrl(bookmarked);
        Driver.Navigate().Refresh();
        Assert.Equal(filtered.Count, Driver.WaitForRows(filtered.Count).Count);
        Assert.True(Driver.FindElement(By.CssSelector("input[name='entity'][value='steve-witkoff']")).Selected);
    }

    [Fact]
    public async Task FilteringByAFeedCategoryOffersItsFoldersAndKeepsOnlyTheirFeedsMatches()
    {
        await using var served = await ServedWorkspace.StartAsync(environment, feedCategories: true);
        Open(served, "#/");
        Driver.WaitForRows(DemoPipelineTests.MatchingSlugs.Length);

        Driver.FindElement(By.XPath("//details[contains(@class,'check-list')]/summary[starts-with(., 'Categories')]")).Click();
        var offered = Driver.FindElements(By.CssSelector("input[name='category']")).Select(box => box.GetAttribute("value")).ToList();
        Driver.FindElement(By.CssSelector("input[name='category'][value='Sport']")).Click();
        Driver.FindElement(By.XPath("//input[@value='Sport']/ancestor::fieldset//button[contains(@class,'apply')]")).Click();
        Driver.Until("category=Sport in the address", d => d.Url.Contains("category=Sport", StringComparison.Ordinal));
        var empty = Driver.Until("no matches from the sport desk", d => d.FindElements(By.CssSelector(".empty")).FirstOrDefault(e => e.Displayed));

        Assert.Equal(["Sport", "World", "World/Europe"], offered);
        Assert.Contains("No matches for these filters.", empty!.Text, StringComparison.Ordinal);
        Open(served, "#/?category=World");
        Assert.Equal(DemoPipelineTests.MatchingSlugs.Length, Driver.WaitForRows(DemoPipelineTests.MatchingSlugs.Length).Count);
        Assert.True(Driver.FindElement(By.CssSelector("input[name='category'][value='World']")).Selected);
        Assert.Empty(SevereBrowserLog());
    }

    [Fact]
    public async Task WordsFilterKeepsOnlyMatchesWithThoseWords()
    {
        await using var served = await ServedWorkspace.StartAsync(environment);
        Open(served, "#/");
        Driver.WaitForRows(DemoPipelineTests.MatchingSlugs.Length);

        var words = Driver.FindElement(By.Id("filter-q"));
        words.SendKeys("sanctions" + Keys.Enter);
        Driver.Until("q=sanctions in the address", d => d.Url.Contains("q=sanctions", StringComparison.Ordinal));
        var rows = Driver.Until("fewer rows", d => d.Rows() is { Count: > 0 and < 6 } r && d.FindElement(By.Id("main")).GetAttribute("aria-busy") == "false" ? r : null);

        Assert.Contains(rows, row => row.GetAttribute("data-id") == environment.ArticleIdOf("eu-sanctions-package"));
    }

    [Fact]
    public async Task LoadMorePagesWithTheContinuationTokenNeverRepeatingOrSkipping()
    {
        await using var served = await ServedWorkspace.StartAsync(environment);
        Open(served, "#/?limit=2");
        Driver.WaitForRows(2);

        Driver.FindElement(By.CssSelector("button.more")).Click();
        Driver.WaitForRows(4);
        Driver.FindElement(By.CssSelector("button.more")).Click();
        var rows = Driver.WaitForRows(6);

        var ids = rows.Select(r => r.GetAttribute("data-id")).ToList();
        Assert.Equal(DemoPipelineTests.MatchingSlugs.Select(environment.ArticleIdOf).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Driver.Until("no Load more after the last page", d => !d.FindElement(By.CssSelector("button.more")).Displayed);
    }

    [Fact]
    public async Task ArticleViewHighlightsEveryStoredMentionAndListsThemPerEntity()
    {
        await using var served = await ServedWorkspace.StartAsync(environment);
        var id = environment.ArticleIdOf("trump-putin-ally");
        var article = await GetJsonAsync(served, $"api/matches/{id}");
        var mentions = article.GetProperty("mentions").EnumerateArray().ToList();

        Open(served, $"#/article/{id}");
        Driver.Until("the article text", d => d.FindElement(By.CssSelector(".article-text")).Displayed);

        var texts = new Dictionary<string, string> { ["title"] = article.GetProperty("title").GetString()!, ["body"] = article.GetProperty("text").GetString()! };
        for (var index = 0; index < mentions.Count; index++)
        {
            var mention = mentions[index];
            var expected = texts[mention.GetProperty("field").GetString()!].Substring(mention.GetProperty("start").GetInt32(), mention.GetProperty("length").GetInt32());
            var mark = Driver.FindElement(By.CssSelector($"mark[data-ranges~='m-{index}']"));
            Assert.Contains(expected, mark.Text, StringComparison.Ordinal);
        }

        var entities = article.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToList();
        var listed = Driver.FindElements(By.CssSelector(".entity-mentions h3 a")).Select(a => a.Text).ToList();
        Assert.Equal(entities, listed);
        Assert.Equal(mentions.Count, Driver.FindElements(By.CssSelector(".entity-mentions li")).Count);
    }

    [Fact]
    public async Task JAndKMoveThroughTheStreamAndEnterOpensTheSelectedMatch()
    {
        await using var served = await ServedWorkspace.StartAsync(environment);
        Open(served, "#/");
        var rows = Driver.WaitForRows(DemoPipelineTests.MatchingSlugs.Length);
        var second = rows[1].GetAttribute("data-id");

        Driver.Press("jjjk");
        Driver.Until("the second row selected and focused", d => d.SwitchTo().ActiveElement().GetAttribute("data-id") == second);
        Assert.Single(Driver.FindElements(By.CssSelector("li.match.selected")));
        Driver.Press(Keys.Enter);
        Driver.Until("the article of the second row", d => d.Url.EndsWith($"#/article/{second}", StringComparison.Ordinal));
        Driver.Until("the article text", d => d.FindElement(By.CssSelector(".article-text")).Displayed);
        Driver.Press(Keys.Escape);

        Driver.Until("the stream again with the second row still selected", d => d.FindElements(By.CssSelector("li.match.selected")).SingleOrDefault()?.GetAttribute("data-id") == second);
        Driver.Press("?");
        Assert.True(Driver.Until("the keys dialog", d => d.FindElement(By.Id("keys-dialog")).Displayed));
        Assert.Contains("Dismiss", Driver.FindElement(By.Id("keys-dialog")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileHeadlineAndScriptLinkRenderAsTextAndNeverRun()
    {
        await using var served = await ServedWorkspace.StartAsync(environment, hostile: true);
        Open(served, "#/");
        Driver.WaitForRows(DemoPipelineTests.MatchingSlugs.Length + 1);

        var row = RowOf(served.HostileArticleId!);
        var headline = row.FindElement(By.CssSelector(".headline"));
        Assert.Equal(ServedWorkspace.HostileTitle, headline.Text);
        Assert.Empty(headline.FindElements(By.TagName("a")));
        AssertNothingRan();

        Open(served, $"#/article/{served.HostileArticleId}");
        Driver.Until("the hostile article's text", d => d.FindElement(By.CssSelector(".article-text")).Text.Contains("<script>alert(3)</script>", StringComparison.Ordinal));
        Assert.Equal(ServedWorkspace.HostileTitle, Driver.FindElement(By.CssSelector(".article-title")).Text);
        Assert.Empty(Driver.FindElements(By.CssSelector(".article-text script, .article-text b, main img")));
        AssertNothingRan();
    }

    [Fact]
    public async Task PageIsServedWithAPolicyThatStopsInlineScriptInTheBrowser()
    {
        await using var served = await ServedWorkspace.StartAsync(environment, demoRun: false);
        using var http = new HttpClient { BaseAddress = served.Url };

        foreach (var path in new[] { "", "app.js", "styles.css", "api/status" })
        {
            using var response = await http.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"GET /{path}: {response.StatusCode}");
            Assert.Equal(WorkspaceFiles.ContentSecurityPolicy, string.Join(", ", response.Headers.GetValues("Content-Security-Policy")));
        }

        Open(served, "#/");
        Driver.Until("the page to render", d => d.FindElement(By.Id("main")).GetAttribute("aria-busy") == "false");
        var ran = ((IJavaScriptExecutor)Driver).ExecuteScript(
            "const s = document.createElement('script'); s.textContent = 'window.inlineRan = true'; document.body.append(s); return window.inlineRan === true;");
        Assert.Equal(false, ran);
    }

    [Fact]
    public async Task FeedsViewShowsEachFeedsHealth()
    {
        await using var served = await ServedWorkspace.StartAsync(environment);

        Open(served, "#/feeds");
        var row = Driver.Until("the demo feed's row", d => d.FindElements(By.CssSelector("table.feeds tbody tr")).SingleOrDefault());

        Assert.Equal("ok", row.FindElement(By.CssSelector(".badge")).Text);
        Assert.Equal("demo", row.FindElement(By.CssSelector(".feed-id")).Text);
        Assert.Equal(environment.FeedUrl.AbsoluteUri, row.FindElement(By.CssSelector("a.feed-url")).GetAttribute("href"));
    }

    [Fact]
    public async Task EmptyStreamAsksWhetherThePipelineIsRunning()
    {
        await using var served = await ServedWorkspace.StartAsync(environment, demoRun: false);

        Open(served, "#/");

        var empty = Driver.Until("the empty state", d => d.FindElements(By.CssSelector(".empty")).FirstOrDefault());
        Assert.StartsWith("No matches yet — is the pipeline running?", empty.Text, StringComparison.Ordinal);
        Assert.Empty(Driver.Rows());
    }

    [Fact]
    public async Task StreamFitsAPhoneWidthWithoutSidewaysScrolling()
    {
        await using var served = await ServedWorkspace.StartAsync(environment, hostile: true);
        try
        {
            Driver.Manage().Window.Size = new Size(390, 844);
            Open(served, "#/");
            Driver.WaitForRows(DemoPipelineTests.MatchingSlugs.Length + 1);

            var overflow = ((IJavaScriptExecutor)Driver).ExecuteScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            Assert.Equal(0L, overflow);
        }
        finally
        {
            Driver.Manage().Window.Size = new Size(1280, 900);
        }
    }

    /// <summary>Needs the review state endpoints (GET/PUT /api/matches/{id}/review).</summary>
    [Fact]
    public async Task TriageKeysStoreTheReviewAndUndoGoesBackOneStep()
    {
        await using var served = await ServedWorkspace.StartAsync(environment);
        Open(served, "#/");
        var first = Driver.WaitForRows(DemoPipelineTests.MatchingSlugs.Length)[0].GetAttribute("data-id");

        Driver.Press("j");
        Driver.Press("r");
        Driver.Until("the row marked relevant", _ => RowOf(first!).GetAttribute("data-review") == "relevant");
        Assert.Equal("relevant", (await GetJsonAsync(served, $"api/matches/{first}/review")).GetProperty("state").GetString());
        Driver.Press("s");
        Driver.Until("the row starred", _ => RowOf(first!).GetAttribute("class")!.Contains("is-starred", StringComparison.Ordinal));
        Driver.Press("u");
        Driver.Until("the star undone", _ => !RowOf(first!).GetAttribute("class")!.Contains("is-starred", StringComparison.Ordinal));
        Driver.Press("d");
        Driver.Until("the row dismissed", _ => RowOf(first!).GetAttribute("data-review") == "dismissed");

        var review = await GetJsonAsync(served, $"api/matches/{first}/review");
        Assert.Equal("dismissed", review.GetProperty("state").GetString());
        Assert.False(review.GetProperty("starred").GetBoolean());
        Assert.Equal("local", review.GetProperty("by").GetString());

        // The same address again is no navigation at all: reload, as an analyst coming back would.
        Driver.Navigate().Refresh();
        Assert.DoesNotContain(Driver.WaitForRows(DemoPipelineTests.MatchingSlugs.Length - 1), row => row.GetAttribute("data-id") == first);
    }

    [Fact]
    public async Task ADismissedMentionBecomesAWatchlistExclusionOnlyAfterTheChangeIsConfirmed()
    {
        await using var served = await ServedWorkspace.StartAsync(environment, ownWatchlist: true);
        var watchlist = served.Deployment.Settings["Monitor:WatchlistPath"]!;
        var id = environment.ArticleIdOf("trump-putin-ally");
        Open(served, $"#/article/{id}");
        Driver.Until("the article text", d => d.FindElement(By.CssSelector(".article-text")).Displayed);

        Driver.Press("d");
        var putin = Driver.Until("an exclude action for Vladimir Putin", d => d.FindElements(By.CssSelector(".entity-mentions"))
            .FirstOrDefault(block => block.FindElement(By.CssSelector("h3 a")).Text == "Vladimir Putin" && block.FindElements(By.CssSelector("button.exclude")).Count > 0));
        putin!.FindElement(By.CssSelector("button.exclude")).Click();
        var phrase = Driver.Until("the phrase field", d => d.FindElements(By.CssSelector("dialog.ask #ask-input")).FirstOrDefault());
        phrase!.Clear();
        phrase.SendKeys("Putin Street");
        Driver.FindElement(By.CssSelector("dialog.ask button.primary")).Click();
        var change = Driver.Until("the proposed change", d => d.FindElements(By.CssSelector("dialog .change-line")).FirstOrDefault(c => c.Text.Length > 0));

        Assert.Contains("exclude += \"Putin Street\"", change!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Putin Street", await File.ReadAllTextAsync(watchlist), StringComparison.Ordinal);
        Driver.FindElements(By.CssSelector("dialog button")).Single(b => b.Text == "Apply change").Click();
        Driver.Until("the change applied", _ => File.ReadAllText(watchlist).Contains("Putin Street", StringComparison.Ordinal));
        Assert.Equal("dismissed", (await GetJsonAsync(served, $"api/matches/{id}/review")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task BlockingAnOutletShowsWhatTheArchiveWouldLoseBeforeTheChangeIsConfirmed()
    {
        await using var served = await ServedWorkspace.StartAsync(environment, ownWatchlist: true);
        var watchlist = served.Deployment.Settings["Monitor:WatchlistPath"]!;
        var before = await File.ReadAllTextAsync(watchlist);
        var id = environment.ArticleIdOf("trump-putin-ally");
        Open(served, $"#/article/{id}");
        Driver.Until("the article text", d => d.FindElement(By.CssSelector(".article-text")).Displayed);

        Driver.Press("d");
        var putin = Driver.Until("a block action for Vladimir Putin", d => d.FindElements(By.CssSelector(".entity-mentions"))
            .FirstOrDefault(block => block.FindElement(By.CssSelector("h3 a")).Text == "Vladimir Putin" && block.FindElements(By.CssSelector("button.block-outlet")).Count > 0));
        putin!.FindElement(By.CssSelector("button.block-outlet")).Click();
        var row = Driver.Until("Vladimir Putin's losses over the archive", d => d.FindElements(By.CssSelector("dialog .backtest tr[data-entity='vladimir-putin']")).FirstOrDefault());

        Assert.Matches(@"^−[1-9]\d*$", row!.FindElement(By.CssSelector("td.lost")).Text);
        Assert.Equal("+0", row.FindElement(By.CssSelector("td.gained")).Text);
        var examples = Driver.FindElements(By.CssSelector("dialog .backtest ul.lost-examples li"));
        Assert.Contains(examples, e => e.FindElement(By.CssSelector("a")).Text.StartsWith("Donald Trump, Putin", StringComparison.Ordinal));
        Assert.NotEmpty(Driver.FindElements(By.CssSelector("dialog .backtest ul.lost-examples .snippet mark")));
        Driver.FindElements(By.CssSelector("dialog button")).Single(b => b.Text == "Cancel").Click();
        Assert.Equal(before, await File.ReadAllTextAsync(watchlist));
    }

    [Fact]
    public async Task SearchFindsAnArticleTheWatchlistNeverMatchedWithTheHitHighlighted()
    {
        await using var served = await ServedWorkspace.StartAsync(environment);
        Open(served, "#/search");
        var box = Driver.Until("the search box", d => d.FindElements(By.Id("search-q")).FirstOrDefault());

        box!.SendKeys("pistachio* AND title:macarons");
        box.SendKeys(Keys.Enter);
        var hit = Driver.Until("the macarons recipe", d => d.FindElements(By.CssSelector("li.search-hit")).FirstOrDefault());

        Assert.Equal(environment.ArticleIdOf("pistachio-macarons-recipe"), hit!.GetAttribute("data-id"));
        Assert.Contains(hit.FindElements(By.CssSelector(".snippet mark")), mark => mark.Text.StartsWith("Pistachio", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("q=pistachio", Driver.Url, StringComparison.Ordinal);
        Assert.Contains("archived article(s)", Driver.FindElement(By.CssSelector(".search-footer .scan")).Text, StringComparison.Ordinal);
        Assert.Empty(SevereBrowserLog());
    }

    /// <summary>Needs the entity view endpoint (GET /api/entities/{id}).</summary>
    [Fact]
    public async Task EntityViewDrawsDailyAndHourlyChartsWithValuesAndATable()
    {
        await using var served = await ServedWorkspace.StartAsync(environment);
        var view = await GetJsonAsync(served, "api/entities/vladimir-putin");

        Open(served, "#/entity/vladimir-putin");
        Driver.Until("the daily chart", d => d.FindElements(By.CssSelector("#chart-daily svg .bar")).Count > 0);

        Assert.Equal(view.GetProperty("daily").GetArrayLength(), Driver.FindElements(By.CssSelector("#chart-daily svg .bar")).Count);
        Assert.Equal(view.GetProperty("hourly").GetArrayLength(), Driver.FindElements(By.CssSelector("#chart-hourly svg .bar")).Count);
        var today = view.GetProperty("daily").EnumerateArray().Last().GetProperty("count").GetInt32();
        Assert.True(today > 0, "the demo run's matches count for today");
        var lastBar = Driver.FindElements(By.CssSelector("#chart-daily svg .bar")).Last();
        Assert.EndsWith($": {today} match{(today == 1 ? "" : "es")}", lastBar.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal("0", lastBar.GetAttribute("tabindex"));
        Assert.Equal(view.GetProperty("daily").GetArrayLength(), Driver.FindElements(By.CssSelector("#chart-daily table tbody tr")).Count);
        Assert.NotEmpty(Driver.FindElements(By.CssSelector(".outlets tbody tr")));
        Assert.NotEmpty(Driver.FindElements(By.CssSelector(".latest li.match")));
    }

    /// <summary>Needs the entity view's spikes (GET /api/entities/{id}) and the spike store.</summary>
    [Fact]
    public async Task EntityViewMarksTheHoursAndDaysOfASpikeOnItsCharts()
    {
        await using var served = await ServedWorkspace.StartAsync(environment);
        var hour = HourlyVolumeStore.HourOf(DateTimeOffset.UtcNow);
        await using (var services = served.Deployment.BuildServices())
        {
            await services.GetRequiredService<SpikeStore>().TryOpenAsync(new SpikeEpisode("donald-trump", "medium-10", hour.AddHours(-3), hour.AddHours(-2), 12, 2, 12, SpikeEpisode.Delivered, DateTimeOffset.UtcNow));
        }

        var view = await GetJsonAsync(served, "api/entities/donald-trump");
        Open(served, "#/entity/donald-trump");
        Driver.Until("the hourly chart", d => d.FindElements(By.CssSelector("#chart-hourly svg .bar")).Count > 0);

        var spike = Assert.Single(view.GetProperty("spikes").EnumerateArray());
        Assert.Equal((hour.AddHours(-3), hour.AddHours(-1), 6.0), (spike.GetProperty("start").GetDateTimeOffset(), spike.GetProperty("end").GetDateTimeOffset(), spike.GetProperty("ratio").GetDouble()));
        var marked = Driver.FindElements(By.CssSelector("#chart-hourly svg .bar.spike"));
        Assert.Equal(2, marked.Count);
        Assert.All(marked, bar => Assert.EndsWith(" — spike, 6× usual", bar.GetAttribute("aria-label"), StringComparison.Ordinal));
        Assert.NotEmpty(Driver.FindElements(By.CssSelector("#chart-daily svg .bar.spike")));
        Assert.Equal(2, Driver.FindElements(By.CssSelector("#chart-hourly table tbody tr.spike")).Count);
        Assert.True(Driver.FindElement(By.CssSelector("#chart-hourly .legend-spike")).Displayed);
        Assert.Empty(SevereBrowserLog());
    }

    [Fact]
    public async Task AnAddedTopicShowsItsHistoryBeingFilledInThenItsMatchesMarkedAsFoundByBackfill()
    {
        await using var served = await ServedWorkspace.StartAsync(environment, ownWatchlist: true);
        var watchlist = served.Deployment.Settings["Monitor:WatchlistPath"]!;
        var document = JsonNode.Parse(await File.ReadAllTextAsync(watchlist), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        document["topics"]!.AsArray().Add(new JsonObject { ["id"] = "macarons", ["name"] = "Macarons", ["query"] = "title:macarons" });
        await File.WriteAllTextAsync(watchlist, document.ToJsonString());
        File.SetLastWriteTimeUtc(watchlist, DateTime.UtcNow.AddSeconds(1));
        await using (var services = served.Deployment.BuildServices())
        {
            Assert.NotNull(await services.GetRequiredService<BackfillPlanner>().PlanAutomaticAsync());
        }

        Open(served, "#/entity/macarons");
        var running = Driver.Until("the backfill's progress line", d => d.FindElements(By.CssSelector(".backfill-line[data-state='running']")).FirstOrDefault());
        Assert.Matches(@"^Filling in history for Macarons: 0 of [1-9][\d,]* archive blocks?, 0 matches found$", running!.Text);
        Assert.Empty(Driver.FindElements(By.CssSelector(".latest li.match")));

        // The local pipeline drains the backfill queue; the page, polling, notices the job done and draws the view again.
        var run = await served.Deployment.RunCliAsync("run", "--once");
        var id = environment.ArticleIdOf("pistachio-macarons-recipe");
        var mark = Driver.Until("the recipe marked as found by backfill", d => d.FindElements(By.CssSelector($".latest li.match[data-id='{id}'] .backfilled")).FirstOrDefault());

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("archive blocks applied, 1 matches added, 0 removed", run.Output, StringComparison.Ordinal);
        Assert.Equal("found by backfill", mark!.Text);
        var done = Driver.Until("the finished backfill's line", d => d.FindElements(By.CssSelector(".backfill-line[data-state='done']")).FirstOrDefault());
        Assert.Equal("History filled in for Macarons: 1 match found by backfill", done!.Text);
        Assert.Empty(SevereBrowserLog());
    }

    private void Open(ServedWorkspace served, string hash)
    {
        Driver.Manage().Timeouts().PageLoad = PageLoad;

        // Reading the log empties it: what is read after this comes from this page.
        Driver.Manage().Logs.GetLog(LogType.Browser);
        Driver.Navigate().GoToUrl(new Uri(served.Url, hash));
    }

    private IWebElement RowOf(string articleId) => Driver.FindElement(By.CssSelector($"li.match[data-id='{articleId}']"));

    /// <summary>No dialog opened, no image from the headline, no script link, and nothing the page's code did not make.</summary>
    private void AssertNothingRan()
    {
        Assert.Throws<NoAlertPresentException>(() => Driver.SwitchTo().Alert());
        Assert.Empty(Driver.FindElements(By.CssSelector("img[src='x'], a[href^='javascript:']")));
        Assert.Empty(SevereBrowserLog());
    }

    private List<string> SevereBrowserLog()
        => [.. Driver.Manage().Logs.GetLog(LogType.Browser).Where(entry => entry.Level == LogLevel.Severe).Select(entry => entry.Message)];

    private void SaveScreenshot()
    {
        var path = Path.Combine(LocalEnvironment.RepositoryRoot, "docs", "workspace.png");
        ((ITakesScreenshot)Driver).GetScreenshot().SaveAsFile(path);
    }

    private static async Task<JsonElement> GetJsonAsync(ServedWorkspace served, string path)
    {
        using var http = new HttpClient { BaseAddress = served.Url };
        return await http.GetFromJsonAsync<JsonElement>(path);
    }
}
