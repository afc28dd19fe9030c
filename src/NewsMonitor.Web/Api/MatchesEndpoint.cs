using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NewsMonitor.Articles;
using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Feeds;
using NewsMonitor.Reading;
using NewsMonitor.Reviews;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Web.Api;

/// <summary>
/// <c>GET /api/matches?entity=&amp;all=&amp;kind=&amp;feed=&amp;category=&amp;from=&amp;to=&amp;minScore=&amp;q=&amp;limit=&amp;continuation=&amp;sort=&amp;review=</c>
/// lists matches; <c>GET /api/matches/{articleId}</c> returns one stored article with its <c>review</c>, for the topics
/// and alert rules it matched why (<c>explanations</c>: the query as a tree of clauses, as <c>monitor check --explain</c>
/// prints it), and the same story in other outlets (<c>alsoIn</c>).
/// </summary>
public sealed class MatchesEndpoint(MatchFinder finder, MonitorConfiguration configuration, ReviewService reviews, TimeProvider clock)
{
    private static readonly TimeSpan StoryWindow = TimeSpan.FromDays(2);

    public const string Route = "api/matches/{articleId?}";

    public async Task<IActionResult> HandleAsync(HttpRequest request, string? articleId, CancellationToken cancellationToken)
    {
        if (articleId is not null)
        {
            if (!ArticleId.IsValid(articleId))
            {
                return ProblemResult.Create(StatusCodes.Status400BadRequest, "articleId: must be 32 lower-case hex digits");
            }

            var article = await finder.GetAsync(articleId, cancellationToken).ConfigureAwait(false);
            return article is null
                ? ProblemResult.Create(StatusCodes.Status404NotFound, $"articleId: no stored match with id {articleId}")
                : new JsonResult(await DetailAsync(article, cancellationToken).ConfigureAwait(false), JsonDefaults.Options);
        }

        var parameters = request.Query;
        var input = new MatchQueryInput
        {
            Entities = parameters["entity"].OfType<string>().ToList(),
            All = parameters["all"],
            Kinds = parameters["kind"].OfType<string>().ToList(),
            Feeds = parameters["feed"].OfType<string>().ToList(),
            Categories = parameters["category"].OfType<string>().ToList(),
            From = parameters["from"],
            To = parameters["to"],
            MinScore = parameters["minScore"],
            Words = parameters["q"],
            Limit = parameters["limit"],
            Continuation = parameters["continuation"],
            Sort = parameters["sort"],
            Review = parameters["review"],
        };
        var query = MatchQuery.Parse(input, clock.GetUtcNow(), out var problems);
        if (problems.Count > 0)
        {
            return ProblemResult.Create(StatusCodes.Status400BadRequest, string.Join("; ", problems));
        }

        if (await finder.UnknownNamesAsync(query, cancellationToken: cancellationToken).ConfigureAwait(false) is { Count: > 0 } unknown)
        {
            return ProblemResult.Create(StatusCodes.Status400BadRequest, string.Join("; ", unknown));
        }

        var page = await finder.FindAsync(query, cancellationToken).ConfigureAwait(false);
        return new JsonResult(new { items = page.Items, continuation = page.Continuation, from = query.From, to = query.To }, JsonDefaults.Options);
    }

    /// <summary>
    /// The article's JSON with its <c>review</c> and <c>explanations</c> added, from today's watchlist: a rule changed
    /// since is explained as it is now.
    /// </summary>
    private async Task<JsonObject> DetailAsync(StoredArticle article, CancellationToken cancellationToken)
    {
        var matched = article.Entities.Where(e => e.Kind != EntityKind.Figure).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var matcher = await configuration.GetMatcherAsync(cancellationToken).ConfigureAwait(false);
        var explanations = matched.Count == 0 ? [] : matcher.Explain(new ArticleText(article.Title, article.Text)).Where(e => matched.Contains(e.EntityId)).ToList();
        var json = JsonSerializer.SerializeToNode(article, JsonDefaults.Options)!.AsObject();
        json["explanations"] = JsonSerializer.SerializeToNode(explanations, JsonDefaults.Options);
        json["review"] = JsonSerializer.SerializeToNode(await reviews.GetAsync(article.ArticleId, cancellationToken).ConfigureAwait(false), JsonDefaults.Options);
        json["alsoIn"] = JsonSerializer.SerializeToNode(await SameStoryElsewhereAsync(article, cancellationToken).ConfigureAwait(false), JsonDefaults.Options);
        return json;
    }

    /// <summary>
    /// Other outlets' articles on the same story (<see cref="SameStory"/>, the digests' rule), among the matches of the
    /// article's strongest entity found within two days of it.
    /// </summary>
    private async Task<IReadOnlyList<MatchSummary>> SameStoryElsewhereAsync(StoredArticle article, CancellationToken cancellationToken)
    {
        if (article.Entities.Count == 0)
        {
            return [];
        }

        var around = new MatchQueryInput
        {
            Entities = [article.Entities[0].Id],
            From = (article.DiscoveredAt - StoryWindow).ToString("O", CultureInfo.InvariantCulture),
            To = (article.DiscoveredAt + StoryWindow).ToString("O", CultureInfo.InvariantCulture),
            Limit = "200",
        };
        var query = MatchQuery.Parse(around, clock.GetUtcNow() + StoryWindow, out var problems);
        if (problems.Count > 0)
        {
            return [];
        }

        var words = SameStory.Words(article.Title);
        var page = await finder.FindAsync(query, cancellationToken).ConfigureAwait(false);
        return page.Items.Where(m => m.ArticleId != article.ArticleId && SameStory.Alike(words, SameStory.Words(m.Title))).ToList();
    }
}
