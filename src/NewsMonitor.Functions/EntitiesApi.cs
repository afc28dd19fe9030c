using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Pipeline;

namespace NewsMonitor.Functions;

/// <summary><c>GET /api/entities</c>: the watchlist with each entity's matches in the last 24 hours and 7 days.</summary>
public sealed class EntitiesApi(EntityStatistics statistics)
{
    [Function(nameof(EntitiesApi))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "entities")] HttpRequest request, CancellationToken cancellationToken)
        => new JsonResult(new { items = await statistics.ListAsync(cancellationToken) }, JsonDefaults.Options);
}
