using NewsMonitor.Watchlists;

namespace NewsMonitor.Reading.Search;

/// <summary>
/// One entity over a backtest's window: the archived articles the live watchlist matches to it, those the proposed one
/// does, <see cref="Gained"/> = proposed − live and <see cref="Lost"/> = live − proposed, with the newest examples of each.
/// </summary>
public sealed record EntityComparison(
    string Id,
    EntityKind Kind,
    string Name,
    DefinitionChange Status,
    int Live,
    int Proposed,
    int Gained,
    int Lost,
    IReadOnlyList<BacktestExample> GainedExamples,
    IReadOnlyList<BacktestExample> LostExamples)
{
    /// <summary>Examples kept per entity and direction.</summary>
    public const int MaxExamples = 3;

    /// <summary>
    /// Entities whose matches change first (most changes first), then those whose definition changed without changing a
    /// match, then the rest; by id within each, so the same input always prints the same report.
    /// </summary>
    public static int Compare(EntityComparison a, EntityComparison b)
    {
        var byChanges = (b.Gained + b.Lost).CompareTo(a.Gained + a.Lost);
        if (byChanges != 0)
        {
            return byChanges;
        }

        var byDefinition = (b.Status != DefinitionChange.Unchanged).CompareTo(a.Status != DefinitionChange.Unchanged);
        return byDefinition != 0 ? byDefinition : string.CompareOrdinal(a.Id, b.Id);
    }
}
