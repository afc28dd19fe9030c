namespace NewsMonitor.Feeds;

/// <summary>
/// The form of an article URL that identifies the story: scheme and host lower-cased, default port and fragment
/// dropped, tracking parameters removed and the remaining query sorted, so the same story from two feeds is one article.
/// </summary>
public static class CanonicalUrl
{
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "_gl", "ref_src", "cmpid", "ocid", "ito", "at_medium", "at_campaign",
    };

    public static Uri Normalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var builder = new UriBuilder(url)
        {
            Scheme = url.Scheme.ToLowerInvariant(),
            Host = url.Host.ToLowerInvariant(),
            Fragment = string.Empty,
        };
        if (url.IsDefaultPort)
        {
            builder.Port = -1;
        }

        var query = url.Query.TrimStart('?');
        var kept = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsTracking(pair.Split('=', 2)[0]))
            .Order(StringComparer.Ordinal)
            .ToList();
        builder.Query = string.Join('&', kept);
        return builder.Uri;
    }

    private static bool IsTracking(string name)
        => name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);
}
