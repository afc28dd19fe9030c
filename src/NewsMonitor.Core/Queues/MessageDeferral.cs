using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using NewsMonitor.Configuration;
using NewsMonitor.Delivery.Channels;
using NewsMonitor.Storage;

namespace NewsMonitor.Queues;

/// <summary>
/// Puts a message that cannot be handled now, through no fault of its own, back on its queue as a fresh message that
/// waits (5 s, doubling to 15 min), so it is not burnt through the host's <c>maxDequeueCount</c> on its way to poison.
/// Faults that are not the message's: a configuration file that has never validated (the message waits as long as it
/// takes), and storage that cannot be reached (at most <see cref="MaxStorageDeferrals"/> times, in case the fault is the
/// message's after all).
/// </summary>
public sealed partial class MessageDeferral(TimeProvider clock, ILogger<MessageDeferral> logger)
{
    public const string Configuration = "configuration";
    public const string Storage = "storage";

    /// <summary>Another attempt holds a delivery claim (<see cref="Digests.Delivery.DeliveryLedger"/>): wait for it to complete or lapse.</summary>
    public const string Delivery = "delivery";

    /// <summary>About four hours of waiting at the longest delay: an outage longer than that is a case for poison and replay.</summary>
    public const int MaxStorageDeferrals = 20;

    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    /// <summary>What the message would wait for, or null when the fault may be its own and the host's retries apply.</summary>
    public static string? WaitsFor(Exception fault, IReadOnlyList<MessageEvent>? history) => fault switch
    {
        ConfigurationUnavailableException => Configuration,
        _ when StorageErrors.IsTransient(fault) && Deferrals(history, Storage) < MaxStorageDeferrals => Storage,
        _ => null,
    };

    /// <summary>How long the next deferral waits: doubling with each earlier deferral of the message.</summary>
    public static TimeSpan NextDelay(IReadOnlyList<MessageEvent>? history, TimeSpan? atLeast = null)
    {
        var doubled = FirstDelay * Math.Pow(2, Math.Min(Deferrals(history, reason: null), 16));
        var delay = doubled < MaxDelay ? doubled : MaxDelay;
        return atLeast is { } floor && floor > delay ? floor : delay;
    }

    /// <summary>Sends a copy of <paramref name="message"/> that becomes visible after the delay and never expires.</summary>
    public async Task DeferAsync<T>(QueueClient queue, T message, IReadOnlyList<MessageEvent>? history, string reason, string error, CancellationToken cancellationToken, TimeSpan? atLeast = null)
    {
        var delay = NextDelay(history, atLeast);
        var entry = new MessageEvent(MessageEvent.Deferred, clock.GetUtcNow(), $"{reason}: {error}");
        var json = MessageHistory.Append(JsonSerializer.Serialize(message, JsonDefaults.Options), entry);
        await queue.SendMessageAsync(json, visibilityTimeout: delay, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken).ConfigureAwait(false);
        LogDeferred(queue.Name, reason, delay.TotalSeconds, error);
    }

    /// <summary>
    /// Settles a queue message's deliveries: a channel that failed throws, so the queue retries the message and the
    /// ledger sends only that channel again; a channel another attempt holds defers the message until that claim
    /// completes or lapses.
    /// </summary>
    /// <returns>Whether every channel has the item; false when the message was deferred.</returns>
    /// <exception cref="DeliveryException">A channel did not accept it; carries every report.</exception>
    public async Task<bool> SettleDeliveriesAsync<T>(QueueClient queue, T message, IReadOnlyList<MessageEvent>? history, IReadOnlyList<DeliveryReport> reports, CancellationToken cancellationToken)
    {
        var channels = reports.SelectMany(r => r.Channels).ToList();
        var failed = channels.Where(c => c.Status == DeliveryStatus.Failed).ToList();
        if (failed.Count > 0)
        {
            // One failed channel per line, as every list of problems is shown.
            throw new DeliveryException(string.Join(Environment.NewLine, failed.Select(c => c.Error))) { Reports = reports };
        }

        if (channels.Where(c => c.Status == DeliveryStatus.InProgress).MaxBy(c => c.RetryAfter) is not { } busy)
        {
            return true;
        }

        await DeferAsync(queue, message, history, Delivery, busy.Error ?? "claimed elsewhere", cancellationToken, busy.RetryAfter).ConfigureAwait(false);
        return false;
    }

    private static int Deferrals(IReadOnlyList<MessageEvent>? history, string? reason)
        => history?.Count(e => e.Event == MessageEvent.Deferred && (reason is null || e.Reason?.StartsWith(reason + ":", StringComparison.Ordinal) == true)) ?? 0;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Queue}: message deferred, waiting for {Reason}, back in {Seconds} s: {Error}")]
    private partial void LogDeferred(string queue, string reason, double seconds, string error);
}
