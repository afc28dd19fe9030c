namespace NewsMonitor.Reading.Search;

/// <summary>One page of search results, newest first, with the cursor of the next page (null on the last) and what was scanned.</summary>
public sealed record SearchPage(string Query, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SearchHit> Items, string? NextCursor, ScanReport Scan);
