namespace NewsMonitor.Spikes;

/// <summary>
/// One window judged against its baseline: <see cref="Count"/> mentions in the <see cref="SpikeDetector.WindowHours"/>
/// hours ending with <see cref="Hour"/>, where <see cref="Expected"/> were usual (the larger of the same hours of past
/// weeks, <see cref="Seasonal"/>, and the recent level, <see cref="Recent"/>, never under the floor).
/// </summary>
public sealed record SpikeScore(DateTimeOffset Hour, int Count, double? Seasonal, double Recent, double Expected, double TailProbability, bool Fires)
{
    public double Ratio => Count / Expected;
}
