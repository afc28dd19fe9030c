namespace NewsMonitor.Benchmarks.Archive;

/// <summary>The system clock moved ahead, so the compactor treats the hour a run just wrote as closed.</summary>
internal sealed class LaterClock(TimeSpan ahead) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + ahead;
}
