using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NewsMonitor.Reading;

namespace NewsMonitor.Web.Api;

/// <summary>
/// <c>GET /api/entities/{entityId}</c>: one figure, topic or alert rule — its names or query, matches per day over 30
/// days and per hour over 48 hours (dismissed matches left out), its top outlets and latest matches.
/// </summary>
public sealed class EntityEndpoint(EntityViewReader views)
{
    public const string Route = "api/entities/{entityId}";

    public async Task<IActionResult> HandleAsync(string entityId, CancellationToken cancellationToken)
    {
        var view = await views.GetAsync(entityId, cancellationToken).ConfigureAwait(false);
        return view is null
            ? ProblemResult.Create(StatusCodes.Status404NotFound, $"entityId: \"{entityId}\" is not a figure, topic or alert of the watchlist")
            : new JsonResult(view, JsonDefaults.Options);
    }
}
