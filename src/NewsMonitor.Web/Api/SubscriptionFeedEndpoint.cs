using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Syndication;

namespace NewsMonitor.Web.Api;

/// <summary>
/// <c>GET /api/subscriptions/{subscriptionId}/feed.atom?token=…</c>: the subscription's matches as Atom 1.0. The token
/// (<see cref="FeedTokens"/>) is the guard, not a sign-in: App Service authentication lets this path through
/// (infra/main.bicep). A wrong or missing token and an unknown subscription get the same 404.
/// </summary>
public sealed class SubscriptionFeedEndpoint(AtomFeeds feeds, FeedTokens tokens, TimeProvider clock)
{
    public const string Route = "api/subscriptions/{subscriptionId}/feed.atom";

    public async Task<IActionResult> HandleAsync(HttpRequest request, string subscriptionId, CancellationToken cancellationToken)
    {
        if (!tokens.Enabled)
        {
            return ProblemResult.Create(StatusCodes.Status503ServiceUnavailable, FeedTokens.Disabled);
        }

        if (!tokens.Verify(FeedAddress.ForSubscription(subscriptionId), request.Query[FeedRequest.TokenParameter]))
        {
            return ProblemResult.Create(StatusCodes.Status404NotFound, FeedRequest.NotFound);
        }

        try
        {
            var feed = await feeds.ForSubscriptionAsync(subscriptionId, FeedRequest.Self(request), FeedRequest.Workspace(request), cancellationToken).ConfigureAwait(false);
            return feed is null
                ? ProblemResult.Create(StatusCodes.Status404NotFound, FeedRequest.NotFound)
                : new AtomResult(feed, clock.GetUtcNow());
        }
        catch (ConfigurationUnavailableException ex)
        {
            return ProblemResult.Create(StatusCodes.Status503ServiceUnavailable, ex.Message);
        }
    }
}
