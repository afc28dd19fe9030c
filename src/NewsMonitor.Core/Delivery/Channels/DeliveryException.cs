namespace NewsMonitor.Delivery.Channels;

/// <summary>A channel did not accept a digest; the message names the subscription, the channel and why.</summary>
public sealed class DeliveryException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>When thrown after delivering to several channels: every channel's outcome, the ones that went through too.</summary>
    public IReadOnlyList<DeliveryReport> Reports { get; init; } = [];
}
