namespace NewsMonitor.Feeds;

/// <summary>The URLs a feed list and an OPML import take: absolute, http or https; anything else is never fetched.</summary>
public static class FeedUrls
{
    public static bool TryRead(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? url)
    {
        if (Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
        {
            url = parsed;
            return true;
        }

        url = null;
        return false;
    }
}
