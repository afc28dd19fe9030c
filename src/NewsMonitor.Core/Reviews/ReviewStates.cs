namespace NewsMonitor.Reviews;

/// <summary>The states a reviewer can give a match; the one place they are spelled.</summary>
public static class ReviewStates
{
    public const string Relevant = "relevant";

    /// <summary>A false positive: it leaves the default stream, digests, pending alerts and entity counts.</summary>
    public const string Dismissed = "dismissed";

    public static bool IsKnown(string? state) => state is Relevant or Dismissed;
}
