namespace NewsMonitor.Storage;

/// <summary>
/// One entry of a queue message's <c>history</c>: the message was deferred (a fault not its own), moved to poison by
/// the host, or replayed from a poison queue. Kept in the message itself, so it travels with every copy.
/// </summary>
/// <param name="Event"><c>deferred</c> or <c>replayed</c>.</param>
/// <param name="At">When it happened.</param>
/// <param name="Reason">For a deferral: what the message waits for (<c>configuration</c> or <c>storage</c>) and the error.</param>
/// <param name="Queue">For a replay: the poison queue it came from.</param>
/// <param name="DequeueCount">For a replay: the attempts it had used up before it was poisoned.</param>
/// <param name="InsertedOn">For a replay: when it was put into the poison queue.</param>
public sealed record MessageEvent(string Event, DateTimeOffset At, string? Reason = null, string? Queue = null, long? DequeueCount = null, DateTimeOffset? InsertedOn = null)
{
    public const string Deferred = "deferred";
    public const string Replayed = "replayed";
}
