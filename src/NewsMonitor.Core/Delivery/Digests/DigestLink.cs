namespace NewsMonitor.Delivery.Digests;

/// <summary>The one rule for links in digests and chat messages: only an absolute http(s) URL becomes a link.</summary>
public static class DigestLink
{
    public static Uri? Http(string url)
        => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
}
