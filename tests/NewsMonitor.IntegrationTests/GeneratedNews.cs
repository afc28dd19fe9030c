using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsMonitor.Storage;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// A news site for fault tests: feed <c>/news/{f}</c> lists items <c>/news/{f}/{i}</c>; every even item's page names
/// Vladimir Putin, every odd one names nobody on the watchlist. Pages answer after a delay, so a run holds messages long
/// enough to be interrupted.
/// </summary>
public sealed class GeneratedNews(int feeds, int itemsPerFeed, TimeSpan pageDelay)
{
    public int Articles => feeds * itemsPerFeed;

    public int MatchingArticles => feeds * ((itemsPerFeed + 1) / 2);

    public void Map(WebApplication app)
    {
        app.MapGet("/news/{feed:int}", (int feed) => LoopbackServer.Rss(string.Concat(
            Enumerable.Range(0, itemsPerFeed).Select(item => $"<item><title>Report {feed}-{item}</title><link>/news/{feed}/{item}</link><description>Short note.</description></item>"))));
        app.MapGet("/news/{feed:int}/{item:int}", async (int feed, int item, CancellationToken cancellationToken) =>
        {
            await Task.Delay(pageDelay, cancellationToken);
            var body = item % 2 == 0
                ? $"Vladimir Putin spoke about report {feed}-{item} in Moscow on Tuesday, officials said after the meeting."
                : $"The city council discussed report {feed}-{item} and the new bus timetable on Tuesday evening.";
            return Results.Content($"<html><head><title>Report {feed}-{item}</title></head><body><article><h1>Report {feed}-{item}</h1><p>{body}</p></article></body></html>", "text/html");
        });
    }

    /// <summary>
    /// Reads the accounting back from storage: every article seen and finished, none left in a queue, every match
    /// with one blob and one day-index row, and one row per match in the entity's partition.
    /// </summary>
    public async Task AssertEachArticleStoredOnceAsync(TestDeployment deployment)
    {
        var account = await new ArticleAccounting(deployment.Storage).ReadAsync();
        Assert.Equal((Articles, MatchingArticles, 0, 0, 0), (account.Seen, account.Matched, account.Pending, account.Poisoned, account.InQueue));
        Assert.True(account.StoredOnce, account.ToString());
        var putinRows = deployment.Storage.MatchIndex.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"vladimir-putin"}"), select: ["RowKey"]);
        Assert.Equal(MatchingArticles, await putinRows.CountAsync());
    }

    public Task WriteFeedListAsync(TestDeployment deployment, LoopbackServer server)
    {
        var entries = Enumerable.Range(0, feeds).Select(feed => $$"""{"id":"news-{{feed}}","url":"{{server.Url($"/news/{feed}")}}"}""");
        return File.WriteAllTextAsync(deployment.Settings["Monitor:FeedsPath"]!, $$"""{"feeds":[{{string.Join(',', entries)}}]}""");
    }
}
