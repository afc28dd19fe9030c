namespace NewsMonitor.Delivery.Channels;

/// <summary>What became of one item on one channel.</summary>
public enum DeliveryStatus
{
    /// <summary>This attempt sent it and the channel accepted.</summary>
    Sent,

    /// <summary>An earlier attempt had completed it; nothing was sent.</summary>
    AlreadyDelivered,

    /// <summary>Another attempt holds a live claim on it (its lease has not run out); nothing was sent, retry later.</summary>
    InProgress,

    /// <summary>The channel did not accept it; the claim is released so a retry sends it (and only it) again.</summary>
    Failed,
}

/// <summary>One channel's outcome; <see cref="Error"/> names the subscription, the channel and why when it failed.</summary>
public sealed record ChannelOutcome(DeliveryChannel Channel, DeliveryStatus Status, string? Error = null)
{
    /// <summary>Delivered now or before: nothing left to do for this channel.</summary>
    public bool IsDone => Status is DeliveryStatus.Sent or DeliveryStatus.AlreadyDelivered;

    /// <summary>For <see cref="DeliveryStatus.InProgress"/>: how long until the other attempt's claim may be taken over.</summary>
    public TimeSpan? RetryAfter { get; init; }
}

/// <summary>The outcome of delivering one item to a subscription's channels, one <see cref="ChannelOutcome"/> per channel.</summary>
public sealed record DeliveryReport(string SubscriptionId, string ItemKey, IReadOnlyList<ChannelOutcome> Channels);
