using NewsMonitor.Configuration;
using NewsMonitor.Escaping;

namespace NewsMonitor.Feeds;

/// <summary>Reads <c>feeds.json</c> (<c>{"feeds":[{"id","name","url"}]}</c>) and reports every bad entry and unknown key at once.</summary>
public static class FeedListLoader
{
    public static IReadOnlyList<FeedSource> Parse(string json, string source)
    {
        var problems = new List<string>();
        var document = ConfigFile.Deserialize<FeedListDocument>(json, source, "feed list", problems);

        var feeds = new List<FeedSource>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var entries = document?.Feeds ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var label = $"feeds[{i}]";
            if (entry is null)
            {
                problems.Add($"{label}: must be an object");
                continue;
            }

            if (!IdRule.IsValid(entry.Id))
            {
                problems.Add($"{label}.id: {IdRule.Problem(entry.Id)}");
                continue;
            }

            if (!ids.Add(entry.Id))
            {
                problems.Add($"{label}.id: duplicate id \"{entry.Id}\"");
                continue;
            }

            if (!Uri.TryCreate(entry.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"{label} ({entry.Id}).url: \"{UrlCredentials.MaskedIn(entry.Url ?? string.Empty)}\" is not an absolute http(s) URL");
                continue;
            }

            feeds.Add(new FeedSource(entry.Id, string.IsNullOrWhiteSpace(entry.Name) ? entry.Id : entry.Name, url));
        }

        if (problems.Count > 0)
        {
            throw new ConfigFileException(source, "feed list", problems);
        }

        return feeds;
    }

    private sealed record FeedListDocument(List<FeedListEntry>? Feeds);

    private sealed record FeedListEntry(string? Id, string? Name, string? Url);
}
