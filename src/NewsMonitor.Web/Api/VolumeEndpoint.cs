using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NewsMonitor.Reading.Volume;

namespace NewsMonitor.Web.Api;

/// <summary>
/// <c>GET /api/entities/{entityId}/volume?from=&amp;to=&amp;bucket=hour|day</c>: an entity's matched articles per UTC
/// hour or UTC day (dismissed matches left out), every bucket listed; 14 days of days by default, at most 31 days of
/// hours or 366 days of days.
/// </summary>
public sealed class VolumeEndpoint(VolumeReader reader, TimeProvider clock)
{
    public const string Route = "api/entities/{entityId}/volume";

    public async Task<IActionResult> HandleAsync(HttpRequest request, string entityId, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var parameters = request.Query;
        var volumeRequest = VolumeRequest.Parse(parameters["from"], parameters["to"], parameters["bucket"], clock.GetUtcNow(), ("from", "to", "bucket"), problems);
        if (volumeRequest is null)
        {
            return ProblemResult.Create(StatusCodes.Status400BadRequest, string.Join("; ", problems));
        }

        var series = await reader.ReadAsync(entityId, volumeRequest, cancellationToken).ConfigureAwait(false);
        return series is null
            ? ProblemResult.Create(StatusCodes.Status404NotFound, VolumeReader.UnknownEntity("entityId", entityId))
            : new JsonResult(series, JsonDefaults.Options);
    }
}
