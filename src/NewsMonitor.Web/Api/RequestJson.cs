using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace NewsMonitor.Web.Api;

/// <summary>Reads a request body no larger than asked: raw, or as a JSON object (refusing anything else).</summary>
internal static class RequestJson
{
    /// <returns>The document, or null when the body is too large, not JSON, or not an object.</returns>
    public static async Task<JsonDocument?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (await ReadBytesAsync(request, maxBytes, cancellationToken).ConfigureAwait(false) is not { } body)
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(body);
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

    /// <returns>The body, or null when it is larger than <paramref name="maxBytes"/>: reading stops there, whatever the client claims.</returns>
    public static async Task<byte[]?> ReadBytesAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
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

        return read > maxBytes ? null : buffer[..read];
    }
}
