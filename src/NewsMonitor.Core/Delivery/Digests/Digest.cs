namespace NewsMonitor.Delivery.Digests;

/// <summary>A digest ready to render: sections per entity, strongest first, each article once.</summary>
public sealed record Digest(string SubscriptionId, string SubscriptionName, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<DigestSection> Sections)
{
    /// <summary>Feeds that failed or brought nothing new during the period: a quiet digest may be a broken feed.</summary>
    public IReadOnlyList<FeedHealth> Health { get; init; } = [];

    /// <summary>Configuration files rejected when the digest was built: the pipeline runs on their last good version, or waits.</summary>
    public IReadOnlyList<Configuration.ConfigurationProblem> ConfigurationProblems { get; init; } = [];

    /// <summary>What the subscription names that the watchlist or the feed list does not hold (<see cref="SubscriptionReferences"/>).</summary>
    public IReadOnlyList<string> SubscriptionProblems { get; init; } = [];

    /// <summary>Spikes of the subscription's entities that started in the period (<see cref="Spikes.SpikeEpisode"/>).</summary>
    public IReadOnlyList<SpikeNote> Spikes { get; init; } = [];

    /// <summary>The subscription's zone: every time in the rendered digest is shown in it, named (<see cref="DigestTime"/>).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public int ItemCount => Sections.Sum(s => s.Items.Count);
}

/// <summary>A spike of an entity: from which UTC hour, how many matched articles in its window, how many times usual.</summary>
public sealed record SpikeNote(string EntityId, string EntityName, DateTimeOffset Start, int Count, int WindowHours, double Ratio)
{
    /// <summary>"Vladimir Putin: 140 articles in 3 h, 6× usual", the spike alert's title and the digest's line.</summary>
    public string Headline => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{EntityName}: {Count} articles in {WindowHours} h, {(Ratio >= 10 ? Math.Round(Ratio) : Math.Round(Ratio, 1))}× usual");
}

/// <summary>The articles whose strongest match is <see cref="EntityName"/>.</summary>
public sealed record DigestSection(string EntityId, string EntityName, IReadOnlyList<DigestItem> Items);

/// <summary>One article in a digest, with its best snippet and the other tracked entities it names.</summary>
public sealed record DigestItem(
    string ArticleId,
    string Title,
    string Url,
    string FeedId,
    DateTimeOffset? Published,
    DateTimeOffset MatchedAt,
    double Score,
    string Snippet,
    int HighlightStart,
    int HighlightLength,
    IReadOnlyList<string> OtherEntities)
{
    /// <summary>The same story from other outlets: near-identical headlines, kept once under the strongest.</summary>
    public IReadOnlyList<AlsoIn> AlsoIn { get; init; } = [];

    /// <summary>Found by a backfill in an article processed before the entity was tracked: old news, shown as such.</summary>
    public bool Backfilled { get; init; }

    /// <summary>
    /// The snippet with the mention between <paramref name="open"/> and <paramref name="close"/>, every part of the text
    /// passed through <paramref name="escape"/>; unmarked when the highlight does not fall inside the snippet.
    /// </summary>
    public string MarkedSnippet(Func<string, string> escape, string open, string close)
    {
        if (HighlightLength <= 0 || HighlightStart < 0 || HighlightStart + HighlightLength > Snippet.Length)
        {
            return escape(Snippet);
        }

        return escape(Snippet[..HighlightStart])
            + open + escape(Snippet.Substring(HighlightStart, HighlightLength)) + close
            + escape(Snippet[(HighlightStart + HighlightLength)..]);
    }
}

/// <summary>Another outlet's copy of a digest item's story.</summary>
public sealed record AlsoIn(string FeedId, string Url);

/// <summary>A feed's trouble during a digest's period: failing, or silent.</summary>
public sealed record FeedHealth(string FeedId, string Problem);
