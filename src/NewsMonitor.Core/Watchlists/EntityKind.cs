namespace NewsMonitor.Watchlists;

/// <summary>What a tracked entity is: a named person, a keyword topic or a high-signal alert rule.</summary>
public enum EntityKind
{
    Figure,
    Topic,
    Alert,
}
