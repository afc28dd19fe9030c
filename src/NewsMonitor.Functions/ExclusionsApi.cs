using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Web.Api;

namespace NewsMonitor.Functions;

public sealed class ExclusionsApi(ExclusionsEndpoint endpoint)
{
    [Function(nameof(ExclusionsApi))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ExclusionsEndpoint.Route)] HttpRequest request, CancellationToken cancellationToken)
        => endpoint.HandleAsync(request, cancellationToken);
}
