using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NewsMonitor.Reading;
using NewsMonitor.Reading.Search;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Web.Api;

/// <summary>
/// <c>POST /api/backtest?since=30d</c> with a proposed watchlist as the body: per entity, the archived articles it would
/// gain and lose against the live watchlist, with examples. The body is validated as the live watchlist is; nothing is
/// written, so it answers like the other reads.
/// </summary>
public sealed class BacktestEndpoint(Backtest backtest, TimeProvider clock)
{
    public const string Route = "api/backtest";

    /// <summary>A watchlist of thousands of entities stays well below it; more is not a watchlist.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(30);

    public async Task<IActionResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var from = now - DefaultPeriod;
        var since = (string?)request.Query["since"];
        if (since is not null && !TimeExpression.TryParse(since, now, out from))
        {
            return ProblemResult.Create(StatusCodes.Status400BadRequest, $"since: \"{since}\" is not an ISO-8601 time or a duration like 30d");
        }

        var body = await RequestJson.ReadBytesAsync(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return ProblemResult.Create(StatusCodes.Status400BadRequest, $"body: larger than {MaxBodyBytes / 1024} KB; send the proposed watchlist JSON only");
        }

        Watchlist proposed;
        try
        {
            proposed = WatchlistLoader.Parse(body, "body");
        }
        catch (WatchlistException ex)
        {
            return ProblemResult.Create(StatusCodes.Status400BadRequest, ex.Message);
        }

        var report = await backtest.RunAsync(proposed, from, now, cancellationToken).ConfigureAwait(false);
        return new JsonResult(report, JsonDefaults.Options);
    }
}
