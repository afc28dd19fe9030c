using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NewsMonitor.Backfill;
using NewsMonitor.Configuration;
using NewsMonitor.Reading;
using NewsMonitor.Storage;
using NewsMonitor.Web.Security;

namespace NewsMonitor.Web.Api;

/// <summary>
/// <c>GET /api/status</c>: who is reviewing, when a feed was last polled and the newest match — what the workspace
/// needs to say "no matches yet — is the pipeline running?" — the configuration files rejected, and the backfills
/// running (how many, which entities they fill in: one query; <c>GET /api/backfills</c> has their progress).
/// </summary>
public sealed class StatusEndpoint(FeedStateStore feeds, MatchFinder finder, MonitorConfiguration configuration, BackfillStatus backfills, ReviewerIdentity reviewer, TimeProvider clock)
{
    public const string Route = "api/status";

    public async Task<IActionResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var running = backfills.RunningAsync(cancellationToken);
        var states = await feeds.GetAllAsync(cancellationToken).ConfigureAwait(false);
        var lastPollAt = states.Values.Max(s => s.LastPolledAt);
        var newest = MatchQuery.Parse(new MatchQueryInput { From = "30d", Limit = "1" }, clock.GetUtcNow(), out _);
        var page = await finder.FindAsync(newest, cancellationToken).ConfigureAwait(false);
        var latest = page.Items.Count > 0 ? page.Items[0] : null;
        return new JsonResult(
            new
            {
                reviewer = reviewer.Of(request),
                lastPollAt,
                latestMatchAt = latest?.MatchedAt,
                configurationProblems = await configuration.CheckAsync(cancellationToken).ConfigureAwait(false),
                backfills = await running.ConfigureAwait(false),
            },
            JsonDefaults.Options);
    }
}
