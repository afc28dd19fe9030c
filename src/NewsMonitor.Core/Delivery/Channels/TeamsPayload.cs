using System.Text;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Escaping;

namespace NewsMonitor.Delivery.Channels;

/// <summary>
/// A digest as an Adaptive Card in the message shape Teams incoming webhooks (Workflows) accept; Office 365 connector
/// MessageCards, which this replaced, were retired. TextBlock text is Markdown, so every string in it is escaped and
/// only an http(s) article URL becomes a link.
/// </summary>
internal static class TeamsPayload
{
    // Every character that starts Markdown in a TextBlock: emphasis, code, links and images, headings, lists, block
    // quotes, HTML and <at> mentions, entities, {{DATE()}} functions. A backslash before each shows it as itself.
    private const string MarkdownCharacters = "\\`*_~[]()<>{}#+-.!|&";

    public static object Build(Digest digest)
    {
        var body = new List<Dictionary<string, object>>
        {
            TextBlock(Escape(EmailSender.Subject(digest)), ("size", "Large"), ("weight", "Bolder")),
        };
        foreach (var section in digest.Sections)
        {
            body.Add(TextBlock(Escape(section.EntityName), ("size", "Medium"), ("weight", "Bolder"), ("separator", true)));
            foreach (var item in section.Items)
            {
                body.Add(TextBlock(Title(item)));
                body.Add(TextBlock(Escape(DigestRenderer.Meta(item, digest.TimeZone) + (DigestRenderer.BackfillNote(item, digest.TimeZone) is { } note ? " · " + note : string.Empty)), ("size", "Small"), ("isSubtle", true), ("spacing", "None")));
                body.Add(TextBlock(Snippet(item), ("spacing", "None")));
            }
        }

        if (digest.Health.Count > 0)
        {
            body.Add(TextBlock("Feed health", ("weight", "Bolder"), ("separator", true)));
            body.AddRange(digest.Health.Select(h => TextBlock(Escape($"{h.FeedId}: {h.Problem}"), ("size", "Small"), ("spacing", "None"))));
        }

        return new
        {
            type = "message",
            attachments = new[]
            {
                new
                {
                    contentType = "application/vnd.microsoft.card.adaptive",
                    content = new Dictionary<string, object>
                    {
                        ["type"] = "AdaptiveCard",
                        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                        ["version"] = "1.4",
                        ["body"] = body,
                    },
                },
            },
        };
    }

    /// <summary>Feed text as Markdown that shows exactly that text: control and bidi characters removed, every Markdown character escaped.</summary>
    internal static string Escape(string text)
    {
        var plain = ControlCharacters.Strip(text);
        var markdown = new StringBuilder(plain.Length + 16);
        foreach (var c in plain)
        {
            if (MarkdownCharacters.Contains(c, StringComparison.Ordinal))
            {
                markdown.Append('\\');
            }

            markdown.Append(c);
        }

        return markdown.ToString();
    }

    // A Markdown link destination ends at an unbalanced parenthesis; AbsoluteUri has already percent-encoded spaces and < >.
    private static string Title(DigestItem item) => DigestLink.Http(item.Url) is { } url
        ? $"[{Escape(item.Title)}]({url.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)})"
        : Escape(item.Title);

    private static string Snippet(DigestItem item) => item.MarkedSnippet(Escape, "**", "**");

    private static Dictionary<string, object> TextBlock(string markdown, params (string Name, object Value)[] style)
    {
        // Leading spaces would make an indented code block; trailing ones show nothing.
        var block = new Dictionary<string, object> { ["type"] = "TextBlock", ["text"] = markdown.Trim(), ["wrap"] = true };
        foreach (var (name, value) in style)
        {
            block[name] = value;
        }

        return block;
    }
}
