using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NewsMonitor.Storage;
using NewsMonitor.Web.Security;

namespace NewsMonitor.Web.Api;

/// <summary>
/// <c>GET /api/poison[?queue=articles]</c> lists the poison queues; <c>POST /api/poison/replay?queue=&amp;all=true</c>
/// or <c>…&amp;id=ID&amp;id=ID</c> moves messages back to their queue with their history (admin key in Azure).
/// </summary>
public sealed class PoisonEndpoint(PoisonQueues poison)
{
    public const string Route = "api/poison/{action?}";

    public async Task<IActionResult> HandleAsync(HttpRequest request, string? action, CancellationToken cancellationToken)
    {
        var queue = (string?)request.Query["queue"];
        try
        {
            if (HttpMethods.IsGet(request.Method) && action is null)
            {
                var listing = await poison.ListAsync(queue, cancellationToken).ConfigureAwait(false);
                return new JsonResult(new { items = listing.Messages, counts = listing.Counts }, JsonDefaults.Options);
            }

            if (HttpMethods.IsPost(request.Method) && action == "replay")
            {
                // A key header, like a same-origin request, is something another site's page cannot send.
                if (!SameOrigin.Allows(request) && !request.Headers.ContainsKey("x-functions-key"))
                {
                    return ProblemResult.Create(StatusCodes.Status403Forbidden, "replay: only from the workspace itself or with the admin key");
                }

                var ids = request.Query["id"].OfType<string>().ToList();
                var all = string.Equals(request.Query["all"], "true", StringComparison.OrdinalIgnoreCase);
                if (all == (ids.Count > 0))
                {
                    return ProblemResult.Create(StatusCodes.Status400BadRequest, "give either all=true or one or more id=… of messages from GET /api/poison");
                }

                var replay = await poison.ReplayAsync(queue, all ? null : ids, cancellationToken).ConfigureAwait(false);
                return new JsonResult(new { replayed = replay.Replayed, notFound = replay.NotFound }, JsonDefaults.Options);
            }
        }
        catch (ArgumentException ex)
        {
            return ProblemResult.Create(StatusCodes.Status400BadRequest, ex.Message);
        }

        return ProblemResult.Create(StatusCodes.Status404NotFound, "use GET /api/poison or POST /api/poison/replay");
    }
}
