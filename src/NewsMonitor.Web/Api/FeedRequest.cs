using Microsoft.AspNetCore.Http;

namespace NewsMonitor.Web.Api;

/// <summary>The absolute URLs of a feed request: itself (the feed's self link, token included) and the workspace it belongs to.</summary>
internal static class FeedRequest
{
    public const string TokenParameter = "token";

    /// <summary>One answer for a wrong token, a missing one and an unknown subscription, so the answer tells nothing about which.</summary>
    public const string NotFound = "no feed at this address: the token is missing or wrong, or the feed is gone (print its URL with `monitor feed-url`)";

    public static Uri Self(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");

    public static Uri Workspace(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");
}
