using NewsMonitor.Articles;

namespace NewsMonitor.Pipeline;

/// <summary>What processing one article did; <see cref="DuplicateOf"/> names the article already kept for the same story.</summary>
public sealed record ArticleOutcome(string ArticleId, bool Matched, int EntityCount, TextOrigin Origin, string? DuplicateOf = null);
