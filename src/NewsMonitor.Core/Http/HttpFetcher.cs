using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using NewsMonitor.Escaping;

namespace NewsMonitor.Http;

/// <summary>
/// The outcome of a GET: 304, or a body read up to the size cap, with the validators for the next conditional GET and
/// how long the server says the answer stays fresh (Cache-Control max-age, or Expires).
/// </summary>
public sealed record FetchResult(HttpStatusCode Status, byte[] Body, string? ETag, DateTimeOffset? LastModified, string? ContentType, string? Charset, Uri FinalUrl, TimeSpan? FreshFor)
{
    public bool NotModified => Status == HttpStatusCode.NotModified;
}

/// <summary>A conditional GET with a streamed body cap; the client behind it is one of <see cref="HttpClientNames"/>.</summary>
public sealed class HttpFetcher(IHttpClientFactory clients, IOptions<OutboundHttpOptions> options, TimeProvider clock)
{
    public async Task<FetchResult> GetAsync(string clientName, Uri url, string? etag, DateTimeOffset? lastModified, CancellationToken cancellationToken = default)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            throw new HttpRequestException($"{UrlCredentials.Masked(url)}: only http and https URLs are fetched");
        }

        var limits = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (!string.IsNullOrEmpty(etag) && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (lastModified is { } since)
        {
            request.Headers.IfModifiedSince = since;
        }

        // The timeout runs from the moment the request's turn at the host begins (again for each retry): a host whose
        // other requests hang must not use up the time of the ones waiting behind them.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        request.Options.Set(HostPolitenessHandler.TurnStarted, () => timeout.CancelAfter(limits.Timeout));
        try
        {
            using var response = await clients.CreateClient(clientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var finalUrl = response.RequestMessage?.RequestUri ?? url;
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new FetchResult(response.StatusCode, [], etag, lastModified, null, null, finalUrl, FreshFor(response));
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new FetchFailedException(url, response.StatusCode, response.ReasonPhrase, RetryAfter(response));
            }

            var body = await ReadCappedAsync(response.Content, limits.MaxResponseBytes, url, timeout.Token).ConfigureAwait(false);
            return new FetchResult(
                response.StatusCode,
                body,
                response.Headers.ETag?.ToString(),
                response.Content.Headers.LastModified,
                response.Content.Headers.ContentType?.MediaType,
                response.Content.Headers.ContentType?.CharSet,
                finalUrl,
                FreshFor(response));
        }
        catch (HttpRequestException ex) when (ex.InnerException is AddressRefusedException refused)
        {
            throw new HttpRequestException($"{UrlCredentials.Masked(url)}: {refused.Message}", refused);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException($"{UrlCredentials.Masked(url)}: no complete answer within {limits.Timeout.TotalSeconds:0} s", ex);
        }
    }

    private static TimeSpan? FreshFor(HttpResponseMessage response)
    {
        if (response.Headers.CacheControl is { NoStore: false, NoCache: false, MaxAge: { } maxAge })
        {
            return maxAge;
        }

        if (response.Content.Headers.Expires is { } expires)
        {
            var date = response.Headers.Date ?? DateTimeOffset.UtcNow;
            return expires > date ? expires - date : TimeSpan.Zero;
        }

        return null;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > clock.GetUtcNow() ? date - clock.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };

    private static async Task<byte[]> ReadCappedAsync(HttpContent content, int maxBytes, Uri url, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            throw new HttpRequestException($"{UrlCredentials.Masked(url)}: the body is {content.Headers.ContentLength} bytes, over the {maxBytes}-byte limit");
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new HttpRequestException($"{UrlCredentials.Masked(url)}: the body is over the {maxBytes}-byte limit");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
