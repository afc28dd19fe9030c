namespace NewsMonitor.Configuration;

/// <summary>
/// A configuration file whose latest version does not validate: what is wrong with it, since when, and which version
/// the pipeline goes on with (<see cref="InUseSince"/> null: none, work that needs the file waits).
/// </summary>
/// <param name="File">What the file is: <c>watchlist</c>, <c>feeds</c> or <c>subscriptions</c>.</param>
/// <param name="Source">The path or blob the bad version was read from.</param>
/// <param name="Problems">Every problem found, each naming the entry.</param>
/// <param name="Since">When this version was first found bad.</param>
/// <param name="InUseSince">When the version still in use was loaded.</param>
public sealed record ConfigurationProblem(string File, string Source, IReadOnlyList<string> Problems, DateTimeOffset Since, DateTimeOffset? InUseSince)
{
    /// <summary>One paragraph for a log line, a run summary, a feeds view or a digest footer.</summary>
    public override string ToString()
        => $"{Source}: {Problems.Count} problem(s), "
            + (InUseSince is { } loaded ? $"the version loaded at {loaded:u} stays in use until it is fixed" : "no valid version yet, work that needs it waits until it is fixed")
            + ":" + string.Concat(Problems.Select(problem => Environment.NewLine + "  " + problem));
}
