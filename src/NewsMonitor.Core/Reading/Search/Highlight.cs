namespace NewsMonitor.Reading.Search;

/// <summary>Where a hit sits inside a <see cref="HighlightedSnippet"/>.</summary>
public sealed record Highlight(int Offset, int Length);
