using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using NewsMonitor.Web.Workspace;

namespace NewsMonitor.Web.Api;

/// <summary>
/// The routes of <c>monitor serve</c>: the same endpoint classes and route templates as the Functions app's HTTP
/// triggers (checked against functions.metadata by a test), executed as the Functions host executes their results.
/// </summary>
public static class ApiRoutes
{
    public static IEndpointRouteBuilder MapNewsMonitor(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Slash(MatchesEndpoint.Route), (HttpContext context, string? articleId, MatchesEndpoint endpoint)
            => ExecuteAsync(context, endpoint.HandleAsync(context.Request, articleId, context.RequestAborted)));
        routes.MapGet(Slash(EntitiesEndpoint.Route), (HttpContext context, EntitiesEndpoint endpoint)
            => ExecuteAsync(context, endpoint.HandleAsync(context.RequestAborted)));
        routes.MapGet(Slash(EntityEndpoint.Route), (HttpContext context, string entityId, EntityEndpoint endpoint)
            => ExecuteAsync(context, endpoint.HandleAsync(entityId, context.RequestAborted)));
        routes.MapGet(Slash(VolumeEndpoint.Route), (HttpContext context, string entityId, VolumeEndpoint endpoint)
            => ExecuteAsync(context, endpoint.HandleAsync(context.Request, entityId, context.RequestAborted)));
        routes.MapGet(Slash(FeedsEndpoint.Route), (HttpContext context, FeedsEndpoint endpoint)
            => ExecuteAsync(context, endpoint.HandleAsync(context.RequestAborted)));
        routes.MapGet(Slash(StatusEndpoint.Route), (HttpContext context, StatusEndpoint endpoint)
            => ExecuteAsync(context, endpoint.HandleAsync(context.Request, context.RequestAborted)));
        routes.MapMethods(Slash(PoisonEndpoint.Route), [HttpMethods.Get, HttpMethods.Post], (HttpContext context, string? action, PoisonEndpoint endpoint)
            => ExecuteAsync(context, endpoint.HandleAsync(context.Request, action, context.RequestAborted)));
        routes.MapMethods(Slash(ReviewEndpoint.Route), [HttpMethods.Get, HttpMethods.Put], (HttpContext context, string articleId, ReviewEndpoint endpoint)
            => ExecuteAsync(context, endpoint.HandleAsync(context.Request, articleId, context.RequestAborted)));
        routes.MapPost(Slash(ExclusionsEndpoint.Route), (HttpContext context, ExclusionsEndpoint endpoint)
            => ExecuteAsync(context, endpoint.HandleAsync(context.Request, context.RequestAborted)));
        routes.MapGet(Slash(SearchEndpoint.Route), (HttpContext context, SearchEndpoint endpoint)
            => ExecuteAsync(context, endpoint.HandleAsync(context.Request, context.RequestAborted)));
        routes.MapPost(Slash(BacktestEndpoint.Route), (HttpContext context, BacktestEndpoint endpoint)
            => ExecuteAsync(context, endpoint.HandleAsync(context.Request, context.RequestAborted)));
        routes.MapGet(Slash(BackfillsEndpoint.Route), (HttpContext context, BackfillsEndpoint endpoint)
            => ExecuteAsync(context, endpoint.HandleAsync(context.Request, context.RequestAborted)));
        routes.MapGet(Slash(SubscriptionFeedEndpoint.Route), (HttpContext context, string subscriptionId, SubscriptionFeedEndpoint endpoint)
            => ExecuteAsync(context, endpoint.HandleAsync(context.Request, subscriptionId, context.RequestAborted)));
        routes.MapGet(Slash(MatchesFeedEndpoint.Route), (HttpContext context, MatchesFeedEndpoint endpoint)
            => ExecuteAsync(context, endpoint.HandleAsync(context.Request, context.RequestAborted)));
        routes.MapGet(Slash(WorkspaceFiles.Route), (HttpContext context, string? path, WorkspaceFiles files)
            => ExecuteAsync(context, Task.FromResult(files.Get(context.Response, path))));
        return routes;
    }

    private static string Slash(string route) => "/" + route;

    private static async Task ExecuteAsync(HttpContext context, Task<IActionResult> handling)
    {
        var result = await handling.ConfigureAwait(false);
        WorkspaceFiles.AddSecurityHeaders(context.Response);
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
    }
}
