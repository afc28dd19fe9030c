using System.Globalization;
using System.Net;
using System.Text;
using NewsMonitor.Escaping;

namespace NewsMonitor.Delivery.Digests;

/// <summary>
/// Renders a digest as email-safe HTML (inline CSS, table layout, no images) and as plain text. Every string that came
/// from a feed or a page loses its control and bidi characters and, in HTML, is HTML-encoded; links are only ever http(s).
/// </summary>
public static class DigestRenderer
{
    public static string Html(Digest digest)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>").Append(Encode(digest.SubscriptionName)).Append(" — NewsMonitor digest</title></head>\n")
            .Append("<body style=\"margin:0;padding:0;background:#f4f4f4;font-family:Arial,Helvetica,sans-serif;color:#222\">\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#f4f4f4\"><tr><td align=\"center\">\n")
            .Append("<table role=\"presentation\" width=\"640\" cellpadding=\"16\" cellspacing=\"0\" style=\"background:#ffffff;max-width:640px\">\n")
            .Append("<tr><td style=\"border-bottom:3px solid #1a4e8a\"><h1 style=\"margin:0;font-size:22px;color:#1a4e8a\">")
            .Append(Encode(digest.SubscriptionName)).Append("</h1><p style=\"margin:4px 0 0;font-size:13px;color:#666\">")
            .Append(digest.ItemCount).Append(digest.ItemCount == 1 ? " article" : " articles").Append(", ")
            .Append(Encode(Period(digest))).Append("</p></td></tr>\n");
        html.Append(SpikesHtml(digest));

        foreach (var section in digest.Sections)
        {
            html.Append("<tr><td><h2 style=\"margin:0 0 8px;font-size:18px;color:#1a4e8a\">").Append(Encode(section.EntityName)).Append("</h2>\n");
            foreach (var item in section.Items)
            {
                html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"margin:0 0 14px\"><tr><td>")
                    .Append("<a href=\"").Append(Encode(SafeLink(item.Url))).Append("\" style=\"font-size:16px;font-weight:bold;color:#0b57d0;text-decoration:none\">")
                    .Append(Encode(item.Title)).Append("</a>")
                    .Append("<div style=\"font-size:12px;color:#666;margin:2px 0 4px\">").Append(Encode(Meta(item, digest.TimeZone)));
                if (BackfillNote(item, digest.TimeZone) is { } note)
                {
                    html.Append(" · <span style=\"color:#8a4b00;font-weight:bold\">").Append(Encode(note)).Append("</span>");
                }

                html.Append("</div>")
                    .Append("<div style=\"font-size:14px;line-height:1.45\">").Append(HighlightedSnippet(item)).Append("</div>");
                if (item.OtherEntities.Count > 0)
                {
                    html.Append("<div style=\"font-size:12px;color:#444;margin-top:4px\">Also mentions: ").Append(Encode(string.Join(", ", item.OtherEntities))).Append("</div>");
                }

                if (item.AlsoIn.Count > 0)
                {
                    html.Append("<div style=\"font-size:12px;color:#444;margin-top:2px\">Also in: ")
                        .Append(string.Join(", ", item.AlsoIn.Select(a => $"<a href=\"{Encode(SafeLink(a.Url))}\" style=\"color:#0b57d0\">{Encode(a.FeedId)}</a>")))
                        .Append("</div>");
                }

                html.Append("</td></tr></table>\n");
            }

            html.Append("</td></tr>\n");
        }

        if (digest.ItemCount == 0)
        {
            html.Append("<tr><td style=\"font-size:14px;color:#444\">Nothing new matched in this period.</td></tr>\n");
        }

        NoticeHtml(html, "Feed health", Caution, [.. digest.Health.Select(feed => $"{Encode(feed.FeedId)}: {Encode(feed.Problem)}")]);
        NoticeHtml(html, "Configuration problems", Fault, [.. digest.ConfigurationProblems.Select(problem => $"<pre style=\"margin:0;white-space:pre-wrap\">{Encode(problem.ToString())}</pre>")]);
        NoticeHtml(html, SubscriptionProblemsTitle, Fault, [.. digest.SubscriptionProblems.Select(Encode)]);

        html.Append("<tr><td style=\"font-size:12px;color:#888;border-top:1px solid #ddd\">Sent by NewsMonitor for subscription ")
            .Append(Encode(digest.SubscriptionId)).Append(".</td></tr>\n</table>\n</td></tr></table>\n</body></html>\n");
        return html.ToString();
    }

    public static string Text(Digest digest)
    {
        var text = new StringBuilder();
        text.Append(Plain(digest.SubscriptionName)).Append('\n')
            .Append(digest.ItemCount).Append(digest.ItemCount == 1 ? " article, " : " articles, ").Append(Period(digest)).Append("\n\n");
        text.Append(SpikesText(digest));
        foreach (var section in digest.Sections)
        {
            text.Append("== ").Append(Plain(section.EntityName)).Append(" ==\n\n");
            foreach (var item in section.Items)
            {
                text.Append("* ").Append(Plain(item.Title)).Append('\n')
                    .Append("  ").Append(SafeLink(item.Url)).Append('\n')
                    .Append("  ").Append(Meta(item, digest.TimeZone)).Append(BackfillNote(item, digest.TimeZone) is { } note ? " · " + note : string.Empty).Append('\n')
                    .Append("  \"").Append(Plain(item.Snippet)).Append("\"\n");
                if (item.OtherEntities.Count > 0)
                {
                    text.Append("  Also mentions: ").Append(Plain(string.Join(", ", item.OtherEntities))).Append('\n');
                }

                if (item.AlsoIn.Count > 0)
                {
                    text.Append("  Also in: ").Append(string.Join(", ", item.AlsoIn.Select(a => $"{Plain(a.FeedId)} <{SafeLink(a.Url)}>"))).Append('\n');
                }

                text.Append('\n');
            }
        }

        if (digest.ItemCount == 0)
        {
            text.Append("Nothing new matched in this period.\n\n");
        }

        NoticeText(text, "Feed health", [.. digest.Health.Select(feed => $"{Plain(feed.FeedId)}: {Plain(feed.Problem)}")]);
        NoticeText(text, "Configuration problems", [.. digest.ConfigurationProblems.Select(problem => problem.ToString().Replace("\n", "\n  ", StringComparison.Ordinal))]);
        NoticeText(text, SubscriptionProblemsTitle, [.. digest.SubscriptionProblems.Select(Plain)]);

        return text.ToString();
    }

    /// <summary>The spikes of the period, each a line ("Vladimir Putin: 140 articles in 3 h, 6× usual, from 2025-03-20 13:00 UTC"); empty without any.</summary>
    private static string SpikesHtml(Digest digest) => digest.Spikes.Count == 0
        ? string.Empty
        : "<tr><td style=\"font-size:14px;background:#eef4fb\"><strong>Spikes</strong><ul style=\"margin:4px 0 0;padding-left:18px\">"
            + string.Concat(digest.Spikes.Select(s => $"<li>{Encode(SpikeLine(s, digest.TimeZone))}</li>")) + "</ul></td></tr>\n";

    private static string SpikesText(Digest digest) => digest.Spikes.Count == 0
        ? string.Empty
        : "Spikes:\n" + string.Concat(digest.Spikes.Select(s => $"  {Plain(SpikeLine(s, digest.TimeZone))}\n")) + "\n";

    private static string SpikeLine(SpikeNote spike, TimeZoneInfo zone) => $"{spike.Headline}, from {DigestTime.Format(spike.Start, zone)}";

    private static string HighlightedSnippet(DigestItem item) => item.MarkedSnippet(Encode, "<strong style=\"background:#fff3b0\">", "</strong>");

    internal static string Meta(DigestItem item, TimeZoneInfo zone)
    {
        var published = item.Published is { } date ? DigestTime.Format(date, zone) : "date unknown";
        return $"{Plain(item.FeedId)} · {published} · score {item.Score.ToString("0.00", CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// "found by backfill, first seen …" for an item a backfill found: an article processed before its entity was on the
    /// watchlist, dated so a reader sees it is not news; null for a live match.
    /// </summary>
    internal static string? BackfillNote(DigestItem item, TimeZoneInfo zone)
        => item.Backfilled ? $"found by backfill, first seen {DigestTime.Date(item.MatchedAt, zone)}" : null;

    private static string Period(Digest digest) => DigestTime.Period(digest.From, digest.To, digest.TimeZone);

    private static string SafeLink(string url)
        => DigestLink.Http(url)?.AbsoluteUri ?? "#";

    private const string SubscriptionProblemsTitle = "This subscription names what is not tracked";

    /// <summary>Text and background colours of a notice: something to watch, something to fix.</summary>
    private static readonly (string Colour, string Background) Caution = ("#8a4b00", "#fff8e6");
    private static readonly (string Colour, string Background) Fault = ("#8a1f00", "#fdecea");

    /// <summary>A titled list under the matches (feed health, problems to fix), left out when it has no items; the items are HTML already.</summary>
    private static void NoticeHtml(StringBuilder html, string title, (string Colour, string Background) tone, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        html.Append("<tr><td style=\"font-size:12px;color:").Append(tone.Colour).Append(";background:").Append(tone.Background)
            .Append("\"><strong>").Append(title).Append("</strong><ul style=\"margin:4px 0 0;padding-left:18px\">");
        foreach (var item in items)
        {
            html.Append("<li>").Append(item).Append("</li>");
        }

        html.Append("</ul></td></tr>\n");
    }

    /// <summary>The plain-text form of <see cref="NoticeHtml"/>: the title, then each item indented.</summary>
    private static void NoticeText(StringBuilder text, string title, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        text.Append(title).Append(":\n");
        foreach (var item in items)
        {
            text.Append("  ").Append(item).Append('\n');
        }
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(Plain(value));

    private static string Plain(string value) => ControlCharacters.Strip(value);
}
