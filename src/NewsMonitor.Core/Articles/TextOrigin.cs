namespace NewsMonitor.Articles;

/// <summary>Where an article's text came from, so a digest can say "summary only".</summary>
public enum TextOrigin
{
    /// <summary>The feed carried the full text.</summary>
    Feed,

    /// <summary>The article page was fetched and its main text extracted.</summary>
    Page,

    /// <summary>The page could not be used; only the feed's summary was matched.</summary>
    FeedSummary,
}
