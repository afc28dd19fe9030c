using System.Net;
using NewsMonitor.Escaping;

namespace NewsMonitor.Http;

/// <summary>A server answered with an error status; carries the status and the Retry-After it asked for, if any.</summary>
public sealed class FetchFailedException(Uri url, HttpStatusCode status, string? reason, TimeSpan? retryAfter)
    : HttpRequestException($"{UrlCredentials.Masked(url)}: the server answered {(int)status} {reason}{(retryAfter is { } wait ? $", retry after {wait.TotalSeconds:0} s" : string.Empty)}", null, status)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
