namespace NewsMonitor.Delivery.Spikes;

/// <summary>
/// One window judged against its baseline: <see cref="Count"/> mentions in the <see cref="SpikeDetector.WindowHours"/>
/// hours ending with <see cref="Hour"/>, where <see cref="Expected"/> were usual: the largest of the same hours of past
/// weeks (<see cref="Seasonal"/>), of past days (<see cref="Daily"/>) and the recent level (<see cref="Recent"/>), never
/// under the floor. A level without enough history is null.
/// </summary>
public sealed record SpikeScore(DateTimeOffset Hour, int Count, double? Seasonal, double? Daily, double Recent, double Expected, double TailProbability, bool Fires)
{
    /// <summary>The entity has been watched for less than <see cref="SpikeDetector.WarmUp"/>: nothing fires yet.</summary>
    public bool WarmingUp { get; init; }

    public double Ratio => Count / Expected;
}
