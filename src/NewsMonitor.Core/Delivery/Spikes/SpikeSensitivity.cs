namespace NewsMonitor.Delivery.Spikes;

/// <summary>How unusual a surge must be before it is a spike; the thresholds are in <see cref="SpikeSettings"/>.</summary>
public enum SpikeSensitivity
{
    Low,
    Medium,
    High,
}
