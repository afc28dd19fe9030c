using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace NewsMonitor.Web.Workspace;

/// <summary>
/// Serves the review workspace — the page, its script, style and icons, embedded in this assembly — with a
/// Content-Security-Policy that allows only this origin's own files: no inline script, no CDN, no framing.
/// </summary>
public sealed class WorkspaceFiles
{
    public const string Route = "{*path}";

    /// <summary>No inline script or style, nothing from another origin; the API is the only thing fetched.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".woff2"] = "font/woff2",
        [".json"] = "application/json; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, byte[]> files = Load();

    /// <summary>The embedded files by path, for tests and for the Functions metadata check.</summary>
    public IReadOnlyCollection<string> Paths => files.Keys;

    /// <param name="path">The request path without its leading '/'; empty for the page itself.</param>
    public IActionResult Get(HttpResponse response, string? path)
    {
        var name = string.IsNullOrEmpty(path) ? "index.html" : path;
        AddSecurityHeaders(response);
        if (!files.TryGetValue(name, out var content) || !ContentTypes.TryGetValue(Path.GetExtension(name), out var type))
        {
            return new NotFoundResult();
        }

        // The page is always fetched anew so a deployment shows at once; the assets it names change with it.
        response.Headers.CacheControl = "no-cache";
        return new FileContentResult(content, type);
    }

    public static void AddSecurityHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XFrameOptions = "DENY";
    }

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(WorkspaceFiles).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("workspace/", StringComparison.Ordinal))
            .ToFrozenDictionary(name => name["workspace/".Length..], name => Read(assembly, name), StringComparer.Ordinal);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
