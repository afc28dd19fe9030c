namespace NewsMonitor.Matching;

/// <summary>Which part of an article a mention was found in.</summary>
public enum TextField
{
    Title,
    Body,
}
