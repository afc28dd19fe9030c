using NewsMonitor.Configuration;

namespace NewsMonitor.Watchlists;

/// <summary>A watchlist that cannot be used, with every problem found, each naming the file, the entry and the position.</summary>
public sealed class WatchlistException(string source, IReadOnlyList<string> problems)
    : Exception(ConfigFileException.Describe(source, "watchlist", problems))
{
    public string Input { get; } = source;

    public IReadOnlyList<string> Problems { get; } = problems;
}
