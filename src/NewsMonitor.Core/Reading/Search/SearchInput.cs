namespace NewsMonitor.Reading.Search;

/// <summary>What a user typed to search the archive, before validation (HTTP query string or CLI flags, same names).</summary>
public sealed record SearchInput
{
    public string? Q { get; init; }

    public string? Since { get; init; }

    public IReadOnlyList<string> Feeds { get; init; } = [];

    public string? Limit { get; init; }

    public string? Cursor { get; init; }
}
