using System.Text.Json;
using System.Text.Json.Nodes;
using NewsMonitor.Feeds;

namespace NewsMonitor.Configuration.Opml;

/// <summary>
/// Merges an OPML subscription list into a feed list by URL: a feed already followed is skipped, a new one added
/// under an id made by <see cref="FeedIds"/> with its folder as category, an outline that cannot be a feed (no
/// http(s) <c>xmlUrl</c>, a non-feed <c>type</c>, a bad language) refused with its line. The existing entries are kept
/// as written, keys and order; the result is checked with <see cref="FeedListLoader"/> before it is returned.
/// </summary>
public static class FeedImport
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <param name="feedsJson">The feed list now, or null when there is none yet.</param>
    /// <exception cref="InvalidDataException">The feed list or the OPML file cannot be read; nothing is merged.</exception>
    public static FeedImportReport Merge(string? feedsJson, string feedsSource, Stream opml, string opmlSource)
    {
        var existing = feedsJson is null ? [] : FeedListLoader.Parse(feedsJson, feedsSource);
        var outlines = OpmlReader.Read(opml, opmlSource);

        var byUrl = existing.ToDictionary(f => f.Url.AbsoluteUri, f => $"already in {Path.GetFileName(feedsSource)} as \"{f.Id}\"", StringComparer.Ordinal);
        var ids = existing.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var added = new List<FeedSource>();
        var skipped = new List<ImportedOutline>();
        var invalid = new List<ImportedOutline>();
        foreach (var outline in outlines)
        {
            var name = outline.Text ?? outline.Title;
            var label = name ?? outline.XmlUrl ?? "(untitled outline)";
            var problem = Problem(outline);
            if (problem is not null || !FeedUrls.TryRead(outline.XmlUrl, out var url))
            {
                invalid.Add(new ImportedOutline(outline.Line, label, problem ?? "xmlUrl is not an absolute http(s) URL"));
                continue;
            }

            if (byUrl.TryGetValue(url.AbsoluteUri, out var where))
            {
                skipped.Add(new ImportedOutline(outline.Line, label, where));
                continue;
            }

            var id = outline.Id is { } own && IdRule.IsValid(own) && !ids.Contains(own) ? own : FeedIds.Make(name, url, ids);
            ids.Add(id);
            byUrl[url.AbsoluteUri] = $"already at line {outline.Line}";
            added.Add(new FeedSource(id, name ?? id, url)
            {
                HtmlUrl = FeedUrls.TryRead(outline.HtmlUrl, out var site) ? site : null,
                Category = outline.Folders.Count == 0 ? null : FeedCategory.Normalise(string.Join('/', outline.Folders)),
                Tags = Tags(outline.Category),
                Language = outline.Language,
                PollInterval = outline.PollInterval is { } every && FeedPollInterval.TryParse(every, out var interval) ? interval : null,
                Enabled = !string.Equals(outline.Enabled, "false", StringComparison.OrdinalIgnoreCase),
            });
        }

        var json = Write(feedsJson, added);

        // What is written must load: a bug here must not leave a feed list the monitor refuses.
        FeedListLoader.Parse(json, feedsSource);
        return new FeedImportReport(added, skipped, invalid, json);
    }

    /// <summary>
    /// Imports <paramref name="opmlPath"/> into the feed list file at <paramref name="feedsPath"/> (created when missing)
    /// and, unless <paramref name="dryRun"/>, replaces it in one step: a reader of the file sees the old list or the new one,
    /// never half of it. Nothing is written when nothing was added.
    /// </summary>
    public static FeedImportReport ImportFile(string feedsPath, string opmlPath, bool dryRun = false)
    {
        var feeds = Path.GetFullPath(feedsPath);
        FeedImportReport report;
        try
        {
            using var opml = File.OpenRead(opmlPath);
            report = Merge(File.Exists(feeds) ? File.ReadAllText(feeds) : null, feeds, opml, opmlPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{opmlPath}: cannot read the file: {ex.Message}", ex);
        }

        if (!dryRun && report.Added.Count > 0)
        {
            var temporary = feeds + ".importing";
            File.WriteAllText(temporary, report.FeedsJson);
            File.Move(temporary, feeds, overwrite: true);
        }

        return report;
    }

    /// <summary>Why an outline cannot become a feed, or null.</summary>
    private static string? Problem(OpmlOutline outline)
    {
        if (outline.Type is { } type && !OpmlReader.IsFeedType(type))
        {
            return $"type \"{type}\" is not a feed (rss or atom); only feeds can be followed";
        }

        if (string.IsNullOrWhiteSpace(outline.XmlUrl))
        {
            return "has no xmlUrl";
        }

        if (!FeedUrls.TryRead(outline.XmlUrl, out _))
        {
            return $"xmlUrl \"{outline.XmlUrl}\" is not an absolute http(s) URL";
        }

        if (outline.Folders.Count > 0 && FeedCategory.Problem(string.Join('/', outline.Folders)) is { } category)
        {
            return $"folder {category}";
        }

        if (Tags(outline.Category).Select(FeedTags.Problem).FirstOrDefault(p => p is not null) is { } tag)
        {
            return $"category attribute: {tag}";
        }

        if (outline.Language is { } language && !FeedLanguage.IsValid(language))
        {
            return $"language \"{language}\" is not a language tag such as en, de or pt-BR";
        }

        if (outline.PollInterval is { } interval && !FeedPollInterval.TryParse(interval, out _))
        {
            return $"{OpmlNames.Prefix}:pollInterval \"{interval}\" {FeedPollInterval.Expected}";
        }

        return outline.Enabled is { } enabled && !bool.TryParse(enabled, out _) ? $"{OpmlNames.Prefix}:enabled \"{enabled}\" is not true or false" : null;
    }

    /// <summary>OPML's <c>category="/Tech/AI,news"</c>: comma-separated, each with its leading '/' dropped; repeats once.</summary>
    private static List<string> Tags(string? category)
        => (category ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.Trim('/').Trim())
            .Where(c => c.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>The feed list with <paramref name="added"/> appended; the existing entries stay as they were (comments are not kept: System.Text.Json does not round-trip them).</summary>
    private static string Write(string? feedsJson, IReadOnlyList<FeedSource> added)
    {
        var root = feedsJson is null ? null : JsonNode.Parse(feedsJson.TrimStart('\uFEFF'), documentOptions: Lenient) as JsonObject;
        root ??= [];
        if (root["feeds"] is not JsonArray feeds)
        {
            root["feeds"] = feeds = [];
        }

        foreach (var feed in added)
        {
            feeds.Add(FeedListEntry(feed));
        }

        return root.ToJsonString(JsonDefaults.Indented) + Environment.NewLine;
    }

    /// <summary>One feed as feeds.json holds it: the optional keys only when they say something.</summary>
    internal static JsonObject FeedListEntry(FeedSource feed)
    {
        var entry = new JsonObject { ["id"] = feed.Id, ["name"] = feed.Name, ["url"] = feed.Url.AbsoluteUri };
        if (feed.HtmlUrl is { } site)
        {
            entry["htmlUrl"] = site.AbsoluteUri;
        }

        if (feed.Category is { } category)
        {
            entry["category"] = category;
        }

        if (feed.Tags.Count > 0)
        {
            entry["tags"] = new JsonArray(feed.Tags.Select(t => (JsonNode)t).ToArray());
        }

        if (feed.Language is { } language)
        {
            entry["language"] = language;
        }

        if (feed.PollInterval is { } interval)
        {
            entry["pollInterval"] = FeedPollInterval.Format(interval);
        }

        if (!feed.Enabled)
        {
            entry["enabled"] = false;
        }

        return entry;
    }
}
