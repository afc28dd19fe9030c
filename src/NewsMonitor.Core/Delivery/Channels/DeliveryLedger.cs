using Microsoft.Extensions.Logging;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Storage;

namespace NewsMonitor.Delivery.Channels;

/// <summary>
/// Delivers an item — an alert, a digest, a spike — to a subscription's channels exactly once per channel, through the
/// ledger of table <c>Deliveries</c> (<see cref="DeliveryStore"/>): each (subscription, item, channel) is claimed with a
/// conditional insert before sending and completed after the channel accepted, so a retry skips the channels that have
/// it and sends only the ones that failed. The one window: a process that dies after a channel accepted and before the
/// completion was written leaves a claim; after <see cref="ClaimLease"/> a retry takes it over (an ETag-checked update,
/// so only one does) and sends that one message on that one channel again — with the same <c>webhook-id</c>.
/// </summary>
public sealed partial class DeliveryLedger(DeliveryStore store, EmailSender email, WebhookSender webhooks, TimeProvider clock, ILogger<DeliveryLedger> logger)
{
    /// <summary>
    /// How long a claim protects a send in progress. It must outlast the longest live send, or a slow attempt would be
    /// taken over and its message sent twice: a webhook gives up after the HTTP timeout (30 s by default), MailKit after
    /// 2 min without an answer from the SMTP server. Five minutes leaves room over both, and a claim a crash left behind
    /// is retried within minutes — the same order as a queue message's return after a host crash.
    /// </summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    /// <summary>Sends <paramref name="content"/> to every channel of the subscription (<see cref="DeliveryChannel.Of"/>) that does not have it yet.</summary>
    /// <returns>One outcome per channel; a channel that fails is reported, never thrown.</returns>
    public Task<DeliveryReport> DeliverAsync(Subscription subscription, string itemKey, Digest content, CancellationToken cancellationToken = default)
        => DeliverAsync(subscription, itemKey, content, DeliveryChannel.Of(subscription), cancellationToken);

    /// <summary>Sends <paramref name="content"/> to the given channels of the subscription only (a digest builds each channel's content from its own watermark).</summary>
    public async Task<DeliveryReport> DeliverAsync(Subscription subscription, string itemKey, Digest content, IReadOnlyList<DeliveryChannel> channels, CancellationToken cancellationToken = default)
    {
        if (!DeliveryItemKey.IsValid(itemKey))
        {
            throw new ArgumentException($"Delivery item key \"{itemKey}\" must be 1-200 characters without / \\ # ? | or control characters (see DeliveryItemKey)", nameof(itemKey));
        }

        var rendered = new Lazy<(string Html, string Text)>(() => (DigestRenderer.Html(content), DigestRenderer.Text(content)));
        var outcomes = new List<ChannelOutcome>(channels.Count);
        foreach (var channel in channels)
        {
            outcomes.Add(await DeliverToAsync(subscription, itemKey, channel, content, rendered, cancellationToken).ConfigureAwait(false));
        }

        return new DeliveryReport(subscription.Id, itemKey, outcomes);
    }

    private async Task<ChannelOutcome> DeliverToAsync(Subscription subscription, string itemKey, DeliveryChannel channel, Digest content, Lazy<(string Html, string Text)> rendered, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claim = await store.TryClaimAsync(subscription.Id, itemKey, channel.Key, now, cancellationToken).ConfigureAwait(false);
        if (claim is null)
        {
            var existing = await store.GetAsync(subscription.Id, itemKey, channel.Key, cancellationToken).ConfigureAwait(false);
            switch (existing)
            {
                case { State: DeliveryStates.Sent }:
                    return new ChannelOutcome(channel, DeliveryStatus.AlreadyDelivered);
                case { State: DeliveryStates.Claimed } when existing.ClaimedAt + ClaimLease > now:
                    return Busy(channel, existing, now);
                case null:
                    // Removed between the insert and the read (by hand): another attempt decides it.
                    return new ChannelOutcome(channel, DeliveryStatus.InProgress, $"subscription {subscription.Id}: {itemKey} on {channel.Key} changed while being claimed") { RetryAfter = TimeSpan.Zero };
            }

            var stale = existing.State == DeliveryStates.Claimed;
            if (!await store.TryReclaimAsync(existing, now, cancellationToken).ConfigureAwait(false))
            {
                return new ChannelOutcome(channel, DeliveryStatus.InProgress, $"subscription {subscription.Id}: {itemKey} on {channel.Key} was claimed by another attempt first") { RetryAfter = ClaimLease };
            }

            if (stale)
            {
                LogTakeover(subscription.Id, itemKey, channel.Key, existing.Attempts);
            }

            claim = existing;
        }

        try
        {
            await SendAsync(subscription, itemKey, channel, content, rendered.Value, cancellationToken).ConfigureAwait(false);
        }
        catch (DeliveryException ex)
        {
            await store.ReleaseAsync(claim, ex.Message, CancellationToken.None).ConfigureAwait(false);
            LogFailed(subscription.Id, itemKey, channel.Key, ex.Message);
            return new ChannelOutcome(channel, DeliveryStatus.Failed, ex.Message);
        }

        // The channel has it: recorded even if the caller is being cancelled, since an unrecorded send is the repeat window.
        await store.CompleteAsync(claim, clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        LogSent(subscription.Id, itemKey, channel.Key);
        return new ChannelOutcome(channel, DeliveryStatus.Sent);
    }

    private Task SendAsync(Subscription subscription, string itemKey, DeliveryChannel channel, Digest content, (string Html, string Text) rendered, CancellationToken cancellationToken)
    {
        var messageId = WebhookSignature.MessageId(subscription.Id, itemKey, channel.Key);
        return channel switch
        {
            EmailChannel => email.SendAsync(subscription, content, rendered.Html, rendered.Text, messageId, cancellationToken),
            WebhookChannel webhook => webhooks.SendAsync(subscription, webhook.Target, content, rendered.Text, messageId, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    private static ChannelOutcome Busy(DeliveryChannel channel, DeliveryRecord existing, DateTimeOffset now)
    {
        var free = existing.ClaimedAt + ClaimLease;
        return new ChannelOutcome(channel, DeliveryStatus.InProgress, $"subscription {existing.PartitionKey}: {existing.RowKey} is being sent by another attempt (claimed {existing.ClaimedAt:O}; taken over after {free:O} if it never completes)")
        {
            RetryAfter = free - now,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivered {ItemKey} to {SubscriptionId} via {Channel}")]
    private partial void LogSent(string subscriptionId, string itemKey, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ItemKey} to {SubscriptionId} via {Channel} failed; a retry sends it on this channel only: {Error}")]
    private partial void LogFailed(string subscriptionId, string itemKey, string channel, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ItemKey} to {SubscriptionId} via {Channel}: a claim left by attempt {Attempt} outlived its lease and was taken over; the channel may get this message twice")]
    private partial void LogTakeover(string subscriptionId, string itemKey, string channel, int attempt);
}
