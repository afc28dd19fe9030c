using System.Globalization;
using NewsMonitor.Configuration;
using NewsMonitor.Escaping;

namespace NewsMonitor.Feeds;

/// <summary>
/// Reads <c>feeds.json</c> (<c>{"feeds":[{"id","name","url","htmlUrl","category","tags","language","pollInterval","enabled"}]}</c>,
/// only id and url required) and reports every bad entry and unknown key at once.
/// </summary>
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

            if (!FeedUrls.TryRead(entry.Url, out var url))
            {
                problems.Add($"{label} ({entry.Id}).url: \"{UrlCredentials.MaskedIn(entry.Url ?? string.Empty)}\" is not an absolute http(s) URL");
                continue;
            }

            if (Read(entry, url, $"{label} ({entry.Id})", problems) is { } feed)
            {
                feeds.Add(feed);
            }
        }

        if (problems.Count > 0)
        {
            throw new ConfigFileException(source, "feed list", problems);
        }

        return feeds;
    }

    /// <summary>The optional keys, each checked on its own so one file lists every problem.</summary>
    private static FeedSource? Read(FeedListEntry entry, Uri url, string label, List<string> problems)
    {
        var before = problems.Count;
        Uri? htmlUrl = null;
        if (entry.HtmlUrl is not null && !FeedUrls.TryRead(entry.HtmlUrl, out htmlUrl))
        {
            problems.Add($"{label}.htmlUrl: \"{entry.HtmlUrl}\" is not an absolute http(s) URL");
        }

        if (entry.Category is not null && FeedCategory.Problem(entry.Category) is { } categoryProblem)
        {
            problems.Add($"{label}.category: {categoryProblem}");
        }

        var tags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var tag in entry.Tags ?? [])
        {
            if (FeedTags.Problem(tag) is { } tagProblem)
            {
                problems.Add($"{label}.tags: {tagProblem}");
            }
            else if (!tags.Add(tag))
            {
                problems.Add($"{label}.tags: \"{tag}\" is listed twice");
            }
        }

        if (entry.Language is not null && !FeedLanguage.IsValid(entry.Language))
        {
            problems.Add($"{label}.language: \"{entry.Language}\" is not a language tag such as en, de or pt-BR");
        }

        TimeSpan? pollInterval = null;
        if (entry.PollInterval is not null)
        {
            if (FeedPollInterval.TryParse(entry.PollInterval, out var interval))
            {
                pollInterval = interval;
            }
            else
            {
                problems.Add($"{label}.pollInterval: \"{entry.PollInterval}\" {FeedPollInterval.Expected}");
            }
        }

        return problems.Count > before ? null : new FeedSource(entry.Id!, string.IsNullOrWhiteSpace(entry.Name) ? entry.Id! : entry.Name, url)
        {
            HtmlUrl = htmlUrl,
            Category = entry.Category is null ? null : FeedCategory.Normalise(entry.Category),
            Tags = entry.Tags is { Count: > 0 } listed ? listed : Array.Empty<string>(),
            Language = entry.Language,
            PollInterval = pollInterval,
            Enabled = entry.Enabled ?? true,
        };
    }

    private sealed record FeedListDocument(List<FeedListEntry>? Feeds);

    private sealed record FeedListEntry(
        string? Id,
        string? Name,
        string? Url,
        string? HtmlUrl,
        string? Category,
        List<string>? Tags,
        string? Language,
        string? PollInterval,
        bool? Enabled);
}
