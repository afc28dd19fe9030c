using NewsMonitor.Articles;
using NewsMonitor.Queues;

namespace NewsMonitor.Ingestion;

/// <summary>
/// What processing one article did; <see cref="DuplicateOf"/> names the article already kept for the same story, and
/// <see cref="AlreadyProcessed"/> marks a redelivered message for an article that was finished before, and
/// <see cref="DeferredFor"/> a message put back to wait for a fault that is not its own (see <see cref="MessageDeferral"/>).
/// </summary>
public sealed record ArticleOutcome(string ArticleId, bool Matched, int EntityCount, TextOrigin Origin, string? DuplicateOf = null, bool AlreadyProcessed = false)
{
    public string? DeferredFor { get; init; }
}
