using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NewsMonitor.Feeds;
using NewsMonitor.Reviews;
using NewsMonitor.Web.Security;

namespace NewsMonitor.Web.Api;

/// <summary>
/// <c>GET /api/matches/{articleId}/review</c>: a match's review state and history; <c>PUT</c> with
/// <c>{ state, starred, reason, note }</c> (each optional, <c>null</c> clears) records an action under the reviewer's
/// name. Undo is a <c>PUT</c> of the previous history entry. Writes only from the workspace's own origin.
/// </summary>
public sealed class ReviewEndpoint(ReviewService reviews, ReviewerIdentity reviewer)
{
    public const string Route = "api/matches/{articleId}/review";

    private const int MaxBodyBytes = 16 * 1024;

    public async Task<IActionResult> HandleAsync(HttpRequest request, string articleId, CancellationToken cancellationToken)
    {
        if (!ArticleId.IsValid(articleId))
        {
            return ProblemResult.Create(StatusCodes.Status400BadRequest, "articleId: must be 32 lower-case hex digits");
        }

        if (HttpMethods.IsGet(request.Method))
        {
            var review = await reviews.GetAsync(articleId, cancellationToken).ConfigureAwait(false);
            return review is null ? NotFound(articleId) : new JsonResult(review, JsonDefaults.Options);
        }

        if (!SameOrigin.Allows(request))
        {
            return ProblemResult.Create(StatusCodes.Status403Forbidden, "review: changes are accepted only from the workspace itself");
        }

        if (await RequestJson.ReadAsync(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false) is not { } body)
        {
            return ProblemResult.Create(StatusCodes.Status400BadRequest, $"body: must be a JSON object of at most {MaxBodyBytes} bytes like {{\"state\":\"dismissed\",\"reason\":\"…\"}}");
        }

        using (body)
        {
            var change = ReviewChange.FromJson(body.RootElement, out var problems);
            if (problems.Count > 0)
            {
                return ProblemResult.Create(StatusCodes.Status400BadRequest, string.Join("; ", problems));
            }

            var result = await reviews.ApplyAsync(articleId, change, reviewer.Of(request), cancellationToken).ConfigureAwait(false);
            return result.Status switch
            {
                ReviewStatus.Saved => new JsonResult(result.Review, JsonDefaults.Options),
                ReviewStatus.NotFound => NotFound(articleId),
                _ => ProblemResult.Create(StatusCodes.Status400BadRequest, string.Join("; ", result.Problems)),
            };
        }
    }

    private static ObjectResult NotFound(string articleId) => ProblemResult.Create(StatusCodes.Status404NotFound, $"articleId: no stored match with id {articleId}");
}
