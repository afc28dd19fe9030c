using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Storage;

namespace NewsMonitor.Functions;

/// <summary>
/// <c>GET /api/poison[?queue=articles]</c> lists the poison queues; <c>POST /api/poison/replay?queue=&amp;all=true</c>
/// or <c>…&amp;id=ID&amp;id=ID</c> moves messages back to their queue with their history. Admin key only: it changes
/// what the pipeline does.
/// </summary>
public sealed class PoisonApi(PoisonQueues poison)
{
    [Function(nameof(PoisonApi))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "get", "post", Route = "poison/{action?}")] HttpRequest request,
        string? action,
        CancellationToken cancellationToken)
    {
        var queue = (string?)request.Query["queue"];
        try
        {
            if (HttpMethods.IsGet(request.Method) && action is null)
            {
                var listing = await poison.ListAsync(queue, cancellationToken);
                return new JsonResult(new { items = listing.Messages, counts = listing.Counts }, JsonDefaults.Options);
            }

            if (HttpMethods.IsPost(request.Method) && action == "replay")
            {
                var ids = request.Query["id"].OfType<string>().ToList();
                var all = string.Equals(request.Query["all"], "true", StringComparison.OrdinalIgnoreCase);
                if (all == (ids.Count > 0))
                {
                    return ProblemResult.Create(StatusCodes.Status400BadRequest, "give either all=true or one or more id=… of messages from GET /api/poison");
                }

                var replay = await poison.ReplayAsync(queue, all ? null : ids, cancellationToken);
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
