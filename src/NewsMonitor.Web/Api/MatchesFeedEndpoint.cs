using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Syndication;

namespace NewsMonitor.Web.Api;

/// <summary>
/// <c>GET /api/matches.atom?{the query parameters of GET /api/matches}&amp;token=…</c>: a saved search as Atom 1.0, its
/// first page newest first (or strongest first with <c>sort=score</c>). The token signs the parameters, so changing one
/// needs a new URL (<c>monitor feed-url --matches</c>). A route of its own, not under <c>api/matches/</c>, where
/// <c>{articleId}</c> would also claim it.
/// </summary>
public sealed class MatchesFeedEndpoint(AtomFeeds feeds, FeedTokens tokens, TimeProvider clock)
{
    public const string Route = "api/matches.atom";

    public async Task<IActionResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!tokens.Enabled)
        {
            return ProblemResult.Create(StatusCodes.Status503ServiceUnavailable, FeedTokens.Disabled);
        }

        var parameters = request.Query.SelectMany(p => p.Value.OfType<string>().Select(v => KeyValuePair.Create(p.Key, v))).ToList();
        var address = FeedAddress.ForSearch(parameters);
        if (!tokens.Verify(address, request.Query[FeedRequest.TokenParameter]))
        {
            return ProblemResult.Create(StatusCodes.Status404NotFound, FeedRequest.NotFound);
        }

        var query = SavedSearch.Parse(parameters, clock.GetUtcNow(), out var problems);
        if (problems.Count > 0)
        {
            return ProblemResult.Create(StatusCodes.Status400BadRequest, string.Join("; ", problems));
        }

        try
        {
            return new AtomResult(await feeds.ForSearchAsync(address, query, FeedRequest.Self(request), FeedRequest.Workspace(request), cancellationToken).ConfigureAwait(false), clock.GetUtcNow());
        }
        catch (ConfigurationUnavailableException ex)
        {
            return ProblemResult.Create(StatusCodes.Status503ServiceUnavailable, ex.Message);
        }
    }
}
