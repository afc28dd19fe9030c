using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Web.Api;

namespace NewsMonitor.Functions;

/// <summary>Outside App Service authentication (feed readers cannot sign in): the token in the URL is the guard.</summary>
public sealed class SubscriptionFeedApi(SubscriptionFeedEndpoint endpoint)
{
    [Function(nameof(SubscriptionFeedApi))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SubscriptionFeedEndpoint.Route)] HttpRequest request, string subscriptionId, CancellationToken cancellationToken)
        => endpoint.HandleAsync(request, subscriptionId, cancellationToken);
}
