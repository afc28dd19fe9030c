using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace NewsMonitor.Web.Api;

/// <summary>The one shape of an HTTP error: RFC 9457 problem+json naming what was wrong with the request.</summary>
public static class ProblemResult
{
    public static ObjectResult Create(int status, string detail) => new(new ProblemDetails
    {
        Status = status,
        Title = status switch
        {
            StatusCodes.Status404NotFound => "Not found",
            StatusCodes.Status403Forbidden => "Forbidden",
            StatusCodes.Status503ServiceUnavailable => "Unavailable",
            _ => "Invalid request",
        },
        Detail = detail,
    })
    {
        StatusCode = status,
        ContentTypes = { "application/problem+json" },
    };
}
