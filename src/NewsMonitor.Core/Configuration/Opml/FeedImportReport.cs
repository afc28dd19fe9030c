using NewsMonitor.Feeds;

namespace NewsMonitor.Configuration.Opml;

/// <summary>An outline an import left out, with the OPML line it starts on and why.</summary>
/// <param name="Feed">The outline's title, else its xmlUrl, for the message.</param>
public sealed record ImportedOutline(int Line, string Feed, string Reason)
{
    public override string ToString() => $"line {Line}: {Feed}: {Reason}";
}

/// <summary>
/// What an OPML import did: the feeds it added, the outlines it skipped because their URL is already followed, and
/// the ones it refused; <see cref="FeedsJson"/> is the merged feed list to write (the old entries as they were).
/// </summary>
public sealed record FeedImportReport(IReadOnlyList<FeedSource> Added, IReadOnlyList<ImportedOutline> Skipped, IReadOnlyList<ImportedOutline> Invalid, string FeedsJson)
{
    public string Summary => $"{Added.Count} added, {Skipped.Count} skipped (already present), {Invalid.Count} invalid";
}
