using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;

namespace NewsMonitor.Feeds;

/// <summary>
/// The second chance for XML that a parser refused: HTML named entities (&amp;eacute; &amp;nbsp; — what the RSS 0.91
/// DTD defined) become character references, a bare or unknown "&amp;" becomes "&amp;amp;", "&amp;#X41;" becomes
/// "&amp;#x41;", and a last end tag cut short gets its "&gt;". CDATA, comments and processing instructions are left
/// alone. Only used after a first parse failed, so well-formed feeds are read exactly as written. See FeedEntityRepairTests.
/// </summary>
public static class FeedEntityRepair
{
    private const int LongestEntityName = 32;

    private static readonly SearchValues<char> NameCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:_-.");

    private static readonly HashSet<string> XmlEntities = new(StringComparer.Ordinal) { "amp", "lt", "gt", "quot", "apos" };

    public static string Repair(string text)
    {
        StringBuilder? output = null;
        var copied = 0;
        var i = 0;
        while (i < text.Length)
        {
            var next = text.AsSpan(i).IndexOfAny('&', '<');
            if (next < 0)
            {
                break;
            }

            i += next;
            if (text[i] == '<')
            {
                i = SkipMarkup(text, i);
                continue;
            }

            var length = ReferenceLength(text, i, out var replacement);
            if (replacement is not null)
            {
                output ??= new StringBuilder(text.Length + 64);
                output.Append(text, copied, i - copied).Append(replacement);
                copied = i + length;
            }

            i += Math.Max(length, 1);
        }

        var result = output is null ? text : output.Append(text, copied, text.Length - copied).ToString();
        return CloseTruncatedEndTag(result);
    }

    private static int SkipMarkup(string text, int i)
    {
        foreach (var (open, close) in new[] { ("<![CDATA[", "]]>"), ("<!--", "-->"), ("<?", "?>") })
        {
            if (string.CompareOrdinal(text, i, open, 0, open.Length) == 0)
            {
                var end = text.IndexOf(close, i + open.Length, StringComparison.Ordinal);
                return end < 0 ? text.Length : end + close.Length;
            }
        }

        return i + 1;
    }

    /// <summary>How many characters the reference at <paramref name="at"/> spans, and what to write instead (null: keep it).</summary>
    private static int ReferenceLength(string text, int at, out string? replacement)
    {
        replacement = null;
        var i = at + 1;
        if (i < text.Length && text[i] == '#')
        {
            var hex = i + 1 < text.Length && text[i + 1] is 'x' or 'X';
            var digitsStart = i + (hex ? 2 : 1);
            var j = digitsStart;
            while (j < text.Length && j - digitsStart < 8 && (hex ? char.IsAsciiHexDigit(text[j]) : char.IsAsciiDigit(text[j])))
            {
                j++;
            }

            if (j == digitsStart || j >= text.Length || text[j] != ';')
            {
                replacement = "&amp;";
                return 1;
            }

            var code = int.Parse(text.AsSpan(digitsStart, j - digitsStart), hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture);
            replacement = !IsXmlChar(code) ? "\uFFFD" : hex && text[i + 1] == 'X' ? $"&#x{text.AsSpan(digitsStart, j - digitsStart)};" : null;
            return j + 1 - at;
        }

        var nameEnd = i;
        while (nameEnd < text.Length && nameEnd - i <= LongestEntityName && char.IsAsciiLetterOrDigit(text[nameEnd]))
        {
            nameEnd++;
        }

        if (nameEnd == i || nameEnd >= text.Length || text[nameEnd] != ';')
        {
            replacement = "&amp;";
            return 1;
        }

        var name = text.Substring(i, nameEnd - i);
        if (XmlEntities.Contains(name))
        {
            return nameEnd + 1 - at;
        }

        var reference = text.Substring(at, nameEnd + 1 - at);
        var decoded = WebUtility.HtmlDecode(reference);
        if (decoded == reference)
        {
            replacement = "&amp;";
            return 1;
        }

        replacement = string.Concat(decoded.EnumerateRunes().Select(r => $"&#{r.Value};"));
        return nameEnd + 1 - at;
    }

    private static bool IsXmlChar(int code) => code is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    private static string CloseTruncatedEndTag(string text)
    {
        var trimmed = text.AsSpan().TrimEnd();
        var open = trimmed.LastIndexOf("</", StringComparison.Ordinal);
        if (open < 0 || open + 2 == trimmed.Length || trimmed[(open + 2)..].ContainsAnyExcept(NameCharacters))
        {
            return text;
        }

        return string.Concat(trimmed, ">");
    }
}
