namespace NewsMonitor.Articles;

/// <summary>
/// Estimates how deep a page nests its elements before it is parsed: HTML parsers take time quadratic in the depth
/// (AngleSharp needs about 90 s for 100,000 levels), so a hostile page is refused before it ties up a worker.
/// </summary>
public static class NestingGuard
{
    /// <summary>Deeper than any real article; AngleSharp parses this depth in well under a second.</summary>
    public const int MaxDepth = 5_000;

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "!doctype",
    };

    /// <summary>The deepest point of open start tags, counting end tags and skipping void and self-closing elements.</summary>
    public static int Depth(ReadOnlySpan<byte> html)
    {
        var depth = 0;
        var deepest = 0;
        Span<char> name = stackalloc char[16];
        for (var i = 0; i < html.Length - 1; i++)
        {
            if (html[i] != (byte)'<')
            {
                continue;
            }

            if (html[i + 1] == (byte)'/')
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            var length = 0;
            var j = i + 1;
            while (j < html.Length && length < name.Length && (char.IsAsciiLetterOrDigit((char)html[j]) || html[j] == (byte)'!'))
            {
                name[length++] = (char)html[j++];
            }

            if (length == 0 || VoidElements.Contains(name[..length].ToString()))
            {
                continue;
            }

            var close = html[j..].IndexOf((byte)'>');
            if (close > 0 && html[j + close - 1] == (byte)'/')
            {
                continue;
            }

            deepest = Math.Max(deepest, ++depth);
        }

        return deepest;
    }
}
