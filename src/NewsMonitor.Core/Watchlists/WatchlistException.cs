namespace NewsMonitor.Watchlists;

/// <summary>A watchlist that cannot be used, with every problem found, each naming the file, the entry and the position.</summary>
public sealed class WatchlistException(string source, IReadOnlyList<string> problems)
    : Exception($"{source}: {problems.Count} problem(s) in the watchlist:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems))
{
    public string Input { get; } = source;

    public IReadOnlyList<string> Problems { get; } = problems;
}
