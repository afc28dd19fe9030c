using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Web.Api;

namespace NewsMonitor.Functions;

/// <summary>Anonymous at the Functions level, like the other reads: App Service authentication admits only the tenant's users.</summary>
public sealed class SearchApi(SearchEndpoint endpoint)
{
    [Function(nameof(SearchApi))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SearchEndpoint.Route)] HttpRequest request, CancellationToken cancellationToken)
        => endpoint.HandleAsync(request, cancellationToken);
}
