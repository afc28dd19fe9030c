using Microsoft.AspNetCore.Http;

namespace NewsMonitor.Web.Security;

/// <summary>
/// Writes come only from the workspace's own pages: browsers say where a request comes from (<c>Sec-Fetch-Site</c>, or
/// <c>Origin</c> on older ones), and a page on another site cannot forge either, so a triage action cannot be
/// triggered from elsewhere (CSRF). A request that says neither — curl, a script — is refused as well.
/// </summary>
public static class SameOrigin
{
    public static bool Allows(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site == "same-origin";
        }

        var origin = request.Headers.Origin.ToString();
        return Uri.TryCreate(origin, UriKind.Absolute, out var from)
            && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
