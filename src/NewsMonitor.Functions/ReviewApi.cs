using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Web.Api;

namespace NewsMonitor.Functions;

public sealed class ReviewApi(ReviewEndpoint endpoint)
{
    [Function(nameof(ReviewApi))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", Route = ReviewEndpoint.Route)] HttpRequest request, string articleId, CancellationToken cancellationToken)
        => endpoint.HandleAsync(request, articleId, cancellationToken);
}
