using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace NewsMonitor.Functions;

/// <summary>The one shape of an HTTP error: RFC 9457 problem+json naming what was wrong with the request.</summary>
internal static class ProblemResult
{
    public static ObjectResult Create(int status, string detail) => new(new ProblemDetails
    {
        Status = status,
        Title = status == StatusCodes.Status404NotFound ? "Not found" : "Invalid request",
        Detail = detail,
    })
    {
        StatusCode = status,
        ContentTypes = { "application/problem+json" },
    };
}
