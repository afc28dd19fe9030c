using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace NewsMonitor.Web.Api;

/// <summary>Reads a small JSON object from a request body, refusing anything larger than asked or not an object.</summary>
internal static class RequestJson
{
    /// <returns>The document, or null when the body is too large, not JSON, or not an object.</returns>
    public static async Task<JsonDocument?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var buffer = new byte[maxBytes + 1];
        var read = 0;
        int chunk;
        while (read < buffer.Length && (chunk = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
        {
            read += chunk;
        }

        if (read > maxBytes)
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(buffer.AsMemory(0, read));
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
