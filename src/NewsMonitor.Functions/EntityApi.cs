using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Web.Api;

namespace NewsMonitor.Functions;

public sealed class EntityApi(EntityEndpoint endpoint)
{
    [Function(nameof(EntityApi))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = EntityEndpoint.Route)] HttpRequest request, string entityId, CancellationToken cancellationToken)
        => endpoint.HandleAsync(entityId, cancellationToken);
}
