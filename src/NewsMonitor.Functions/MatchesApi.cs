using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Feeds;
using NewsMonitor.Pipeline;

namespace NewsMonitor.Functions;

/// <summary><c>GET /api/matches?entity=&amp;from=&amp;to=&amp;limit=</c> lists matches; <c>GET /api/matches/{articleId}</c> returns one stored article.</summary>
public sealed class MatchesApi(MatchFinder finder, TimeProvider clock)
{
    [Function(nameof(MatchesApi))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "matches/{articleId?}")] HttpRequest request,
        string? articleId,
        CancellationToken cancellationToken)
    {
        if (articleId is not null)
        {
            if (!ArticleId.IsValid(articleId))
            {
                return Problem(StatusCodes.Status400BadRequest, "articleId: must be 32 lower-case hex digits");
            }

            var article = await finder.GetAsync(articleId, cancellationToken);
            return article is null
                ? Problem(StatusCodes.Status404NotFound, $"articleId: no stored match with id {articleId}")
                : new JsonResult(article, JsonDefaults.Options);
        }

        var query = MatchQuery.Parse(request.Query["entity"].OfType<string>(), request.Query["from"], request.Query["to"], request.Query["limit"], clock.GetUtcNow(), out var problems);
        if (problems.Count > 0)
        {
            return Problem(StatusCodes.Status400BadRequest, string.Join("; ", problems));
        }

        var items = await finder.FindAsync(query, cancellationToken);
        return new JsonResult(new { items, from = query.From, to = query.To }, JsonDefaults.Options);
    }

    private static ObjectResult Problem(int status, string detail) => new(new ProblemDetails
    {
        Status = status,
        Title = status == StatusCodes.Status404NotFound ? "Not found" : "Invalid request",
        Detail = detail,
    })
    {
        StatusCode = status,
        ContentTypes = { "application/problem+json" },
    };
}
