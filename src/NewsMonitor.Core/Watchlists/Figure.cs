namespace NewsMonitor.Watchlists;

/// <summary>A tracked person: every name in <see cref="Names"/> counts as a mention unless it sits inside an excluded phrase.</summary>
public sealed record Figure(
    string Id,
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> CaseSensitive,
    IReadOnlyList<string> Exclude)
{
    /// <summary>The full name first, then the aliases that match in any case.</summary>
    public IEnumerable<string> Names => Aliases.Prepend(Name);
}
