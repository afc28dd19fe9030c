using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NewsMonitor.Feeds;
using NewsMonitor.Pipeline;

namespace NewsMonitor.Web.Api;

/// <summary>
/// <c>GET /api/matches?entity=&amp;all=&amp;kind=&amp;feed=&amp;from=&amp;to=&amp;minScore=&amp;q=&amp;limit=&amp;continuation=&amp;sort=</c>
/// lists matches; <c>GET /api/matches/{articleId}</c> returns one stored article.
/// </summary>
public sealed class MatchesEndpoint(MatchFinder finder, TimeProvider clock)
{
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
                : new JsonResult(article, JsonDefaults.Options);
        }

        var parameters = request.Query;
        var input = new MatchQueryInput
        {
            Entities = parameters["entity"].OfType<string>().ToList(),
            All = parameters["all"],
            Kinds = parameters["kind"].OfType<string>().ToList(),
            Feeds = parameters["feed"].OfType<string>().ToList(),
            From = parameters["from"],
            To = parameters["to"],
            MinScore = parameters["minScore"],
            Words = parameters["q"],
            Limit = parameters["limit"],
            Continuation = parameters["continuation"],
            Sort = parameters["sort"],
        };
        var query = MatchQuery.Parse(input, clock.GetUtcNow(), out var problems);
        if (problems.Count > 0)
        {
            return ProblemResult.Create(StatusCodes.Status400BadRequest, string.Join("; ", problems));
        }

        var page = await finder.FindAsync(query, cancellationToken).ConfigureAwait(false);
        return new JsonResult(new { items = page.Items, continuation = page.Continuation, from = query.From, to = query.To }, JsonDefaults.Options);
    }
}
