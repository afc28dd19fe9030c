using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Web.Api;

namespace NewsMonitor.Functions;

/// <summary>Outside App Service authentication (feed readers cannot sign in): the token in the URL is the guard.</summary>
public sealed class MatchesFeedApi(MatchesFeedEndpoint endpoint)
{
    [Function(nameof(MatchesFeedApi))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MatchesFeedEndpoint.Route)] HttpRequest request, CancellationToken cancellationToken)
        => endpoint.HandleAsync(request, cancellationToken);
}
