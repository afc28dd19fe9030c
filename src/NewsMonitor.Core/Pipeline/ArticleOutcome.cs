using NewsMonitor.Articles;

namespace NewsMonitor.Pipeline;

/// <summary>
/// What processing one article did; <see cref="DuplicateOf"/> names the article already kept for the same story, and
/// <see cref="AlreadyProcessed"/> marks a redelivered message for an article that was finished before.
/// </summary>
public sealed record ArticleOutcome(string ArticleId, bool Matched, int EntityCount, TextOrigin Origin, string? DuplicateOf = null, bool AlreadyProcessed = false);
