namespace NewsMonitor.Reading.Search;

/// <summary>A proposed watchlist compared with the live one over the archive's window [From, To): per entity, what it would gain and lose.</summary>
public sealed record BacktestReport(
    DateTimeOffset From,
    DateTimeOffset To,
    string LiveVersion,
    string ProposedVersion,
    int Gained,
    int Lost,
    IReadOnlyList<EntityComparison> Entities,
    ScanReport Scan);
