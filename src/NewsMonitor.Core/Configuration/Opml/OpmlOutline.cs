namespace NewsMonitor.Configuration.Opml;

/// <summary>
/// One feed outline of an OPML file, as written (nothing checked yet), with the line it starts on and the folders
/// (enclosing outlines without <c>xmlUrl</c>) it sits in, outermost first.
/// </summary>
public sealed record OpmlOutline(int Line, IReadOnlyList<string> Folders)
{
    public string? Text { get; init; }

    public string? Title { get; init; }

    public string? Type { get; init; }

    public string? XmlUrl { get; init; }

    public string? HtmlUrl { get; init; }

    /// <summary>OPML 2.0's <c>category</c>: comma-separated, slash-delimited categories; imported as tags.</summary>
    public string? Category { get; init; }

    public string? Language { get; init; }

    /// <summary>This monitor's own attributes (<see cref="OpmlNames.Namespace"/>), so an export imports back as it was.</summary>
    public string? Id { get; init; }

    public string? PollInterval { get; init; }

    public string? Enabled { get; init; }
}
