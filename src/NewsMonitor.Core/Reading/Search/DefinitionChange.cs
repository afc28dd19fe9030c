namespace NewsMonitor.Reading.Search;

/// <summary>How an entity's definition differs between the live watchlist and a proposed one.</summary>
public enum DefinitionChange
{
    Unchanged,
    Added,
    Removed,
    Changed,
}
