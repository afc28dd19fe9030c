using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Pipeline;

namespace NewsMonitor.Functions;

/// <summary>
/// <c>GET /api/feeds</c>: every configured feed's health — last success, failures, next poll, items seen, last error — and
/// the configuration files this instance rejected (<c>configurationProblems</c>).
/// </summary>
public sealed class FeedsApi(FeedHealthReport report)
{
    [Function(nameof(FeedsApi))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "feeds")] HttpRequest request, CancellationToken cancellationToken)
    {
        var view = await report.ReadAsync(cancellationToken);
        return new JsonResult(new { items = view.Items, configurationProblems = view.ConfigurationProblems }, JsonDefaults.Options);
    }
}
