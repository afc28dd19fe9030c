using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Web.Api;

namespace NewsMonitor.Functions;

/// <summary>Anonymous at the Functions level: App Service authentication admits only the tenant's users to the whole app.</summary>
public sealed class MatchesApi(MatchesEndpoint endpoint)
{
    [Function(nameof(MatchesApi))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MatchesEndpoint.Route)] HttpRequest request, string? articleId, CancellationToken cancellationToken)
        => endpoint.HandleAsync(request, articleId, cancellationToken);
}
