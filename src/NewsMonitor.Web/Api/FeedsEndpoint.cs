using Microsoft.AspNetCore.Mvc;
using NewsMonitor.Reading;

namespace NewsMonitor.Web.Api;

/// <summary>
/// <c>GET /api/feeds</c>: every configured feed's health — last success, failures, next poll, items seen, last error —,
/// the configuration files this instance rejected (<c>configurationProblems</c>), and the feed categories (<c>categories</c>,
/// parent folders included) that <c>GET /api/matches?category=</c> takes.
/// </summary>
public sealed class FeedsEndpoint(FeedHealthReport report)
{
    public const string Route = "api/feeds";

    public async Task<IActionResult> HandleAsync(CancellationToken cancellationToken)
    {
        var view = await report.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new JsonResult(new { items = view.Items, configurationProblems = view.ConfigurationProblems, categories = view.Categories }, JsonDefaults.Options);
    }
}
