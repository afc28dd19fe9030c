using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Web.Api;

namespace NewsMonitor.Functions;

public sealed class VolumeApi(VolumeEndpoint endpoint)
{
    [Function(nameof(VolumeApi))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeEndpoint.Route)] HttpRequest request, string entityId, CancellationToken cancellationToken)
        => endpoint.HandleAsync(request, entityId, cancellationToken);
}
