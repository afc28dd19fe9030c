using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NewsMonitor.Watchlists;
using NewsMonitor.Web.Security;

namespace NewsMonitor.Web.Api;

/// <summary>
/// <c>POST /api/watchlist/exclusions?apply=false|true</c> with <c>{ entityId, phrase }</c> or <c>{ entityId, feedId }</c>:
/// the exact watchlist change that would stop this false positive, validated like <c>config push</c>; with
/// <c>apply=true</c> (after the reviewer confirmed it) it is written where the pipeline reads the watchlist.
/// </summary>
public sealed class ExclusionsEndpoint(WatchlistEditor editor)
{
    public const string Route = "api/watchlist/exclusions";

    private const int MaxBodyBytes = 4 * 1024;

    public async Task<IActionResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!SameOrigin.Allows(request))
        {
            return ProblemResult.Create(StatusCodes.Status403Forbidden, "exclusions: changes are accepted only from the workspace itself");
        }

        var applyText = (string?)request.Query["apply"] ?? "false";
        if (!bool.TryParse(applyText, out var apply))
        {
            return ProblemResult.Create(StatusCodes.Status400BadRequest, $"apply: \"{applyText}\" must be true or false");
        }

        using var body = await RequestJson.ReadAsync(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        var exclusion = body is null ? null : Read(body.RootElement);
        if (exclusion is null)
        {
            return ProblemResult.Create(StatusCodes.Status400BadRequest, "body: must be {\"entityId\":\"…\",\"phrase\":\"…\"} or {\"entityId\":\"…\",\"feedId\":\"…\"}");
        }

        var change = await editor.ExcludeAsync(exclusion, apply, cancellationToken).ConfigureAwait(false);
        return new JsonResult(change, JsonDefaults.Options) { StatusCode = change.Problems.Count > 0 && apply ? StatusCodes.Status409Conflict : StatusCodes.Status200OK };
    }

    private static WatchlistExclusion? Read(JsonElement body)
    {
        try
        {
            var exclusion = body.Deserialize<WatchlistExclusion>(JsonDefaults.Options);
            return exclusion is { EntityId.Length: > 0 } && (exclusion.Phrase is null) != (exclusion.FeedId is null) ? exclusion : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
