namespace NewsMonitor.Configuration;

/// <summary>
/// A configuration file (feed list, subscriptions) that cannot be used, with every problem found, one per line as the
/// watchlist's are. A file that is not JSON at all is an <see cref="InvalidDataException"/>.
/// </summary>
public sealed class ConfigFileException(string source, string what, IReadOnlyList<string> problems)
    : Exception(Describe(source, what, problems))
{
    public string Input { get; } = source;

    public IReadOnlyList<string> Problems { get; } = problems;

    /// <summary>"<c>{source}: N problem(s) in the {what}:</c>" and each problem on a line of its own, indented.</summary>
    public static string Describe(string source, string what, IReadOnlyCollection<string> problems)
        => $"{source}: {problems.Count} problem(s) in the {what}:" + string.Concat(problems.Select(problem => Environment.NewLine + "  " + problem));
}
