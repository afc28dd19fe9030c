using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Web.Api;

namespace NewsMonitor.Functions;

/// <summary>Anonymous at the Functions level: App Service authentication admits only the tenant's users to the whole app.</summary>
public sealed class BackfillsApi(BackfillsEndpoint endpoint)
{
    [Function(nameof(BackfillsApi))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = BackfillsEndpoint.Route)] HttpRequest request, CancellationToken cancellationToken)
        => endpoint.HandleAsync(request, cancellationToken);
}
