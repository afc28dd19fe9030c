namespace NewsMonitor.Backfill;

/// <summary>
/// A backfill by hand named entities the live watchlist does not hold. It carries the ids rather than a sentence, so the
/// caller words the refusal in its own terms (the CLI's <c>--entity</c>) with the known ids beside it.
/// </summary>
public sealed class UnknownEntitiesException(IReadOnlyList<string> unknown, IReadOnlyList<string> known)
    : ArgumentException($"not on the watchlist: {string.Join(", ", unknown.Select(id => $"\"{id}\""))}", "entityIds")
{
    /// <summary>The ids asked for that the watchlist does not hold, in the order given.</summary>
    public IReadOnlyList<string> Unknown { get; } = unknown;

    /// <summary>Every entity id on the live watchlist, sorted.</summary>
    public IReadOnlyList<string> Known { get; } = known;
}
