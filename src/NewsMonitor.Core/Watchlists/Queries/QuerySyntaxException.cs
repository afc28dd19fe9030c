namespace NewsMonitor.Watchlists.Queries;

/// <summary>A query that does not parse; <see cref="Column"/> is 1-based.</summary>
public sealed class QuerySyntaxException(int column, string reason) : Exception($"col {column}: {reason}")
{
    public int Column { get; } = column;

    public string Reason { get; } = reason;
}
