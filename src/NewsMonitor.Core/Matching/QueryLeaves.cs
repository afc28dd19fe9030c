using NewsMonitor.Watchlists.Queries;

namespace NewsMonitor.Matching;

/// <summary>What each leaf of the watchlist's queries stands for, by node reference: a query term's index, a figure's place in the watchlist.</summary>
internal sealed class QueryLeaves
{
    public Dictionary<TermNode, int> Terms { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>A figure node naming no figure of the watchlist is not here, and never holds.</summary>
    public Dictionary<FigureNode, int> Figures { get; } = new(ReferenceEqualityComparer.Instance);
}
