using Microsoft.AspNetCore.Mvc;
using NewsMonitor.Reading;

namespace NewsMonitor.Web.Api;

/// <summary><c>GET /api/entities</c>: the watchlist with each entity's matches in the last 24 hours and 7 days.</summary>
public sealed class EntitiesEndpoint(EntityStatistics statistics)
{
    public const string Route = "api/entities";

    public async Task<IActionResult> HandleAsync(CancellationToken cancellationToken)
        => new JsonResult(new { items = await statistics.ListAsync(cancellationToken).ConfigureAwait(false) }, JsonDefaults.Options);
}
