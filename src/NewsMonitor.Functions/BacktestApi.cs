using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Web.Api;

namespace NewsMonitor.Functions;

/// <summary>A POST only because the proposed watchlist is the body: it writes nothing, so it is admitted like the reads.</summary>
public sealed class BacktestApi(BacktestEndpoint endpoint)
{
    [Function(nameof(BacktestApi))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = BacktestEndpoint.Route)] HttpRequest request, CancellationToken cancellationToken)
        => endpoint.HandleAsync(request, cancellationToken);
}
