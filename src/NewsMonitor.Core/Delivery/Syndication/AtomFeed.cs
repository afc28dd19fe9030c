namespace NewsMonitor.Delivery.Syndication;

/// <summary>An Atom 1.0 feed as the feed routes publish it: identity, title, links and entries, newest first.</summary>
/// <param name="Id">An absolute IRI that stays the same for as long as the feed's address does.</param>
/// <param name="Self">The URL the feed was fetched from, token included: what a reader subscribes to.</param>
/// <param name="Alternate">The same matches as a web page: the workspace.</param>
public sealed record AtomFeed(string Id, string Title, string Subtitle, Uri Self, Uri Alternate, IReadOnlyList<AtomEntry> Entries)
{
    /// <summary>The newest entry's <see cref="AtomEntry.Updated"/>; null for an empty feed.</summary>
    public DateTimeOffset? NewestUpdate => Entries.Count == 0 ? null : Entries.Max(e => e.Updated);
}

/// <summary>One matched article: headline, link, outlet as author, entities as categories, the highlighted snippet as HTML.</summary>
public sealed record AtomEntry(
    string Id,
    string Title,
    Uri Link,
    string Author,
    DateTimeOffset? Published,
    DateTimeOffset Updated,
    IReadOnlyList<AtomCategory> Categories,
    string HtmlContent);

/// <param name="Term">The entity id.</param>
/// <param name="Label">The entity's name.</param>
public sealed record AtomCategory(string Term, string Label);
