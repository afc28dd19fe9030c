using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NewsMonitor.Backfill;

namespace NewsMonitor.Web.Api;

/// <summary>
/// <c>GET /api/backfills?limit=20</c>: the backfill jobs, newest first, as <c>monitor backfill --status --format json</c>
/// prints them (<see cref="BackfillStatus"/>): state, trigger, entities with their live names, blocks done of total,
/// articles read, matches added and removed. Reads only.
/// </summary>
public sealed class BackfillsEndpoint(BackfillStatus status)
{
    public const string Route = "api/backfills";

    public async Task<IActionResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var text = (string?)request.Query["limit"];
        if (!BackfillStatus.TryParseLimit(text, out var limit))
        {
            return ProblemResult.Create(StatusCodes.Status400BadRequest, $"limit: \"{text}\" must be {BackfillStatus.LimitRule}");
        }

        var jobs = await status.ListAsync(limit, cancellationToken).ConfigureAwait(false);
        return new JsonResult(new { items = jobs }, JsonDefaults.Options);
    }
}
