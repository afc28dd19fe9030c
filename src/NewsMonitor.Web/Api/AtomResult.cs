using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using NewsMonitor.Delivery.Syndication;

namespace NewsMonitor.Web.Api;

/// <summary>
/// An Atom document with what lets feed readers poll cheaply: a weak ETag over everything but the feed's own
/// <c>updated</c> stamp (an empty feed says "now" there), Last-Modified from the newest entry, and 304 when the reader
/// already has it. If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2), so a dismissed entry's removal shows.
/// </summary>
public sealed class AtomResult(AtomFeed feed, DateTimeOffset now) : IActionResult
{
    /// <summary>Private: the URL holds a secret, so no shared cache may keep the answer.</summary>
    private const string CacheControl = "private, max-age=300";

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var request = context.HttpContext.Request;
        var response = context.HttpContext.Response;
        var etag = "W/\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AtomWriter.Write(feed, DateTimeOffset.UnixEpoch))))[..32] + "\"";
        var lastModified = feed.NewestUpdate;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = CacheControl;
        if (lastModified is { } modified)
        {
            response.Headers.LastModified = modified.ToString("R", CultureInfo.InvariantCulture);
        }

        if (NotModified(request, etag, lastModified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var body = Encoding.UTF8.GetBytes(AtomWriter.Write(feed, lastModified ?? now));
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = AtomWriter.ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    private static bool NotModified(HttpRequest request, string etag, DateTimeOffset? lastModified)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch.Count > 0)
        {
            var ours = EntityTagHeaderValue.Parse(etag);
            return headers.IfNoneMatch.Any(tag => tag.Compare(ours, useStrongComparison: false) || tag.Equals(EntityTagHeaderValue.Any));
        }

        // HTTP dates have whole seconds: the entry's time is compared at that precision.
        return headers.IfModifiedSince is { } since && lastModified is { } modified
            && modified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }
}
