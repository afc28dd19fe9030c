using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Web.Api;

namespace NewsMonitor.Functions;

/// <summary>Admin key only: replaying changes what the pipeline does.</summary>
public sealed class PoisonApi(PoisonEndpoint endpoint)
{
    [Function(nameof(PoisonApi))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Admin, "get", "post", Route = PoisonEndpoint.Route)] HttpRequest request, string? action, CancellationToken cancellationToken)
        => endpoint.HandleAsync(request, action, cancellationToken);
}
