namespace NewsMonitor.Reading.Volume;

/// <summary>How many matched articles fell in the day or hour that starts at <see cref="Start"/> (UTC).</summary>
public sealed record VolumeBucket(DateTimeOffset Start, int Count);
