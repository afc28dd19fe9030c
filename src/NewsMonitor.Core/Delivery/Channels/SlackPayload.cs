using NewsMonitor.Delivery.Digests;
using NewsMonitor.Escaping;

namespace NewsMonitor.Delivery.Channels;

/// <summary>A digest as a Slack incoming-webhook message in mrkdwn: feed text escaped, links only to http(s) articles.</summary>
internal static class SlackPayload
{
    public static object Build(Digest digest) => new
    {
        text = $"*{Escape(digest.SubscriptionName)}*: {digest.ItemCount} new\n" + string.Join('\n', digest.Sections.SelectMany(s => s.Items).Select(item => Line(item, digest.TimeZone))),
    };

    // AbsoluteUri has percent-encoded any | < > in the URL, so a link cannot be cut short or split.
    private static string Line(DigestItem item, TimeZoneInfo zone) => (DigestLink.Http(item.Url) is { } url
        ? $"• <{Escape(url.AbsoluteUri)}|{Escape(item.Title)}> — {Escape(item.Snippet)}"
        : $"• {Escape(item.Title)} — {Escape(item.Snippet)}")
        + (DigestRenderer.BackfillNote(item, zone) is { } note ? $" _({Escape(note)})_" : string.Empty);

    // Slack reads &, < and > as control characters: escaped, <!channel>, <@U123> and <url|text> can only come from us.
    private static string Escape(string text) => ControlCharacters.Strip(text)
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);
}
