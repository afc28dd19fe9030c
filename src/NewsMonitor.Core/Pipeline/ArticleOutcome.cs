using NewsMonitor.Articles;

namespace NewsMonitor.Pipeline;

/// <summary>What processing one article did.</summary>
public sealed record ArticleOutcome(string ArticleId, bool Matched, int EntityCount, TextOrigin Origin);
