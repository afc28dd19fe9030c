namespace NewsMonitor.Feeds;

/// <summary>A document that is not a readable feed; the message names the source and the problem.</summary>
public sealed class FeedParseException(string source, string problem, Exception? inner = null)
    : Exception($"{source}: not a readable feed: {problem}", inner)
{
    public string Input { get; } = source;
}
