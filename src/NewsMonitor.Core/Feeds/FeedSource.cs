namespace NewsMonitor.Feeds;

/// <summary>A feed the monitor follows, as listed in <c>feeds.json</c>.</summary>
public sealed record FeedSource(string Id, string Name, Uri Url)
{
    /// <summary>The feed's web site (OPML's <c>htmlUrl</c>), kept so an export gives it back.</summary>
    public Uri? HtmlUrl { get; init; }

    /// <summary>The folder a feed reader files it under, <c>/</c> between nested folders; listings and digests filter by it.</summary>
    public string? Category { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The feed's language (BCP 47, e.g. <c>en</c>, <c>pt-BR</c>), for articles whose page does not declare one.</summary>
    public string? Language { get; init; }

    /// <summary>The least time between two polls of this feed; null: the monitor's own timing alone.</summary>
    public TimeSpan? PollInterval { get; init; }

    /// <summary>A disabled feed stays listed (its matches keep their category) but is never scheduled.</summary>
    public bool Enabled { get; init; } = true;
}
