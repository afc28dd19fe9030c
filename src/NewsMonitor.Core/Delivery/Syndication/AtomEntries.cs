using System.Globalization;
using System.Net;
using System.Text;
using NewsMonitor.Reading;

namespace NewsMonitor.Delivery.Syndication;

/// <summary>Turns a listed match into an Atom entry: the outlet's name as author, entity names as categories, the snippet with the mention in bold.</summary>
public static class AtomEntries
{
    public static AtomEntry From(MatchSummary match, IReadOnlyDictionary<string, string> entityNames, IReadOnlyDictionary<string, string> outletNames)
    {
        var outlet = outletNames.GetValueOrDefault(match.FeedId, match.FeedId);
        var categories = match.Entities.Select(e => new AtomCategory(e.Id, entityNames.GetValueOrDefault(e.Id, e.Id))).ToList();

        // A feed's clock can run ahead of ours: the entry is never older than its publication.
        var updated = match.Published is { } published && published > match.MatchedAt ? published : match.MatchedAt;
        var html = new StringBuilder();
        html.Append("<p>").Append(HighlightedSnippet(match.Snippet, match.SnippetOffset, match.SnippetLength)).Append("</p>");
        html.Append("<p><small>").Append(WebUtility.HtmlEncode(outlet));
        if (categories.Count > 0)
        {
            html.Append(" · ").Append(string.Join(", ", match.Entities.Select(e => WebUtility.HtmlEncode(entityNames.GetValueOrDefault(e.Id, e.Id)) + " (" + e.Score.ToString("0.00", CultureInfo.InvariantCulture) + ")")));
        }

        html.Append("</small></p>");
        return new AtomEntry(AtomIds.ForArticle(match.ArticleId), match.Title, new Uri(match.Url), outlet, match.Published, updated, categories, html.ToString());
    }

    /// <summary>
    /// The snippet HTML-encoded, the mention inside <c>&lt;strong&gt;</c>: feed readers' sanitizers keep it, where
    /// feedparser's (and others') drop <c>&lt;mark&gt;</c> and the highlight with it. An offset outside the snippet marks nothing.
    /// </summary>
    public static string HighlightedSnippet(string snippet, int offset, int length)
    {
        if (length <= 0 || offset < 0 || offset + length > snippet.Length)
        {
            return WebUtility.HtmlEncode(snippet);
        }

        return WebUtility.HtmlEncode(snippet[..offset])
            + "<strong>" + WebUtility.HtmlEncode(snippet.Substring(offset, length)) + "</strong>"
            + WebUtility.HtmlEncode(snippet[(offset + length)..]);
    }
}
