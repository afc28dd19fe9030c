using System.Xml;

namespace NewsMonitor.Feeds;

/// <summary>
/// Keeps DTDs away from the XML parser. A DOCTYPE that only names an external DTD (RSS 0.91's Netscape DTD, an XHTML
/// one) is blanked out, since no DTD is ever fetched; one with an internal subset is refused, because that is where
/// entity bombs and external entities live and no feed needs one. See FeedSafetyTests.
/// </summary>
public static class FeedDoctype
{
    private const string Refusal = "which feeds never need; refused to avoid entity expansion";

    private static readonly XmlReaderSettings ProhibitDtd = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    /// <summary>Returns the text with an external-only DOCTYPE blanked out (line numbers kept), or the problem that refuses it.</summary>
    public static string? TryRemove(string text, out string prepared)
    {
        prepared = text;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]) || text[i] == '\uFEFF')
            {
                i++;
            }
            else if (Skip(text, ref i, "<?", "?>") || Skip(text, ref i, "<!--", "-->"))
            {
                continue;
            }
            else if (string.Compare(text, i, "<!DOCTYPE", 0, 9, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return Doctype(text, i, out prepared);
            }
            else
            {
                break;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads the prolog with DTDs prohibited, so that whatever the scan above missed never reaches a parser that
    /// processes DTDs; throws the parser's <see cref="XmlException"/> (see <see cref="Describe"/>).
    /// </summary>
    public static void CheckProlog(string text)
    {
        using var reader = XmlReader.Create(new StringReader(text), ProhibitDtd);
        reader.MoveToContent();
    }

    /// <summary>The problem an XML parser reported, in words; a DTD complaint becomes the refusal, not .NET's advice to enable DTDs.</summary>
    public static string Describe(XmlException error) => error.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
        ? $"the document declares a DTD, {Refusal}"
        : $"malformed XML: {error.Message}";

    private static bool Skip(string text, ref int i, string open, string close)
    {
        if (string.CompareOrdinal(text, i, open, 0, open.Length) != 0)
        {
            return false;
        }

        var end = text.IndexOf(close, i + open.Length, StringComparison.Ordinal);
        i = end < 0 ? text.Length : end + close.Length;
        return true;
    }

    private static string? Doctype(string text, int start, out string prepared)
    {
        prepared = text;
        var quote = '\0';
        for (var i = start + 9; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '[')
            {
                return InternalSubset(text, i);
            }
            else if (c == '>')
            {
                prepared = string.Create(text.Length, (text, start, i), static (span, state) =>
                {
                    state.text.AsSpan().CopyTo(span);
                    for (var j = state.start; j <= state.i; j++)
                    {
                        span[j] = span[j] is '\n' or '\r' ? span[j] : ' ';
                    }
                });
                return null;
            }
        }

        return "the document starts with a DOCTYPE that never ends";
    }

    private static string InternalSubset(string text, int open)
    {
        var close = text.IndexOf("]>", open, StringComparison.Ordinal);
        var subset = text.AsSpan(open, (close < 0 ? text.Length : close) - open);
        if (subset.IndexOf("<!ENTITY", StringComparison.Ordinal) < 0)
        {
            return $"the document declares a DTD, {Refusal}";
        }

        foreach (var keyword in new[] { "SYSTEM", "PUBLIC" })
        {
            var at = subset.IndexOf(keyword, StringComparison.Ordinal);
            if (at >= 0)
            {
                var target = subset[(at + keyword.Length)..].TrimStart();
                var end = target.IndexOf('>');
                var shown = target[..Math.Min(end < 0 ? target.Length : end, 80)].ToString().Trim();
                return $"the document declares a DTD with an external entity ({keyword} {shown}), which feeds never need; refused without resolving it";
            }
        }

        return $"the document declares a DTD with entities, {Refusal}";
    }
}
