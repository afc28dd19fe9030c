namespace NewsMonitor.Pipeline;

/// <summary>Queue <c>alerts</c>: a stored article that matched high-priority alert rules, to deliver at once.</summary>
public sealed record AlertMessage(string ArticleId, IReadOnlyList<string> AlertIds, DateTimeOffset MatchedAt);
