namespace NewsMonitor.Reading.Volume;

/// <summary>How a volume series is bucketed: UTC hours as they are stored, or UTC days summed from them.</summary>
public enum VolumeBucketSize
{
    Hour,
    Day,
}
