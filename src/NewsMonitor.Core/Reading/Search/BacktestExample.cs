namespace NewsMonitor.Reading.Search;

/// <summary>An archived article a backtest gained or lost for an entity, with the sentence where one watchlist found the entity.</summary>
public sealed record BacktestExample(string ArticleId, string Title, Uri Url, string FeedId, DateTimeOffset DiscoveredAt, HighlightedSnippet? Snippet);
