using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace NewsMonitor.Feeds;

/// <summary>The text of a feed and the encoding it was read with, and why that encoding was chosen.</summary>
/// <param name="EncodingSource">bom, utf-detect, declaration, http, default, or …-mislabelled / …-invalid when a check overruled the label.</param>
public sealed record DecodedFeed(string Text, Encoding Encoding, string EncodingSource);

/// <summary>
/// Turns the bytes of a feed into text. The encoding comes from the byte order mark, then the UTF-16/32 byte pattern of
/// "&lt;", then the XML declaration, then the HTTP charset, then UTF-8; a label that the bytes contradict is overruled
/// (see FeedDecoderTests): valid multi-byte UTF-8 under a legacy label is UTF-8, and invalid UTF-8 is windows-1252.
/// </summary>
public static class FeedDecoder
{
    /// <summary>Gzip bodies (servers that compress twice) are expanded up to this many bytes.</summary>
    public const int MaxExpandedBytes = 32 * 1024 * 1024;

    // Bytes 0x80–0x9F of windows-1252, in order; the undefined positions hold their own C1 character.
    private const string Windows1252Punctuation = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

    private static readonly SearchValues<char> Windows1252Characters = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 256).Select(b => (char)b)) + Windows1252Punctuation);

    static FeedDecoder()
    {
        // windows-1251, KOI8-R, Shift_JIS, EUC-KR… live in the code-pages provider, not in .NET itself.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
    }

    /// <summary>windows-1252: what ISO-8859-1 and US-ASCII labels mean in practice, and the fallback for invalid UTF-8.</summary>
    public static Encoding Windows1252 { get; }

    public static DecodedFeed Decode(ReadOnlySpan<byte> content, string? httpCharset = null)
    {
        var decoded = DecodeBytes(content, httpCharset);
        return decoded with { Text = RepairC1Controls(decoded.Text) };
    }

    /// <summary>Expands a gzip body, refusing one that grows past <see cref="MaxExpandedBytes"/>.</summary>
    public static bool TryGunzip(byte[] content, out byte[] expanded, out string? problem)
    {
        expanded = content;
        problem = null;
        if (content.Length < 2 || content[0] != 0x1F || content[1] != 0x8B)
        {
            return false;
        }

        try
        {
            using var gzip = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (output.Length + read > MaxExpandedBytes)
                {
                    problem = $"the body is gzip-compressed and expands past {MaxExpandedBytes / (1024 * 1024)} MB";
                    return true;
                }

                output.Write(buffer, 0, read);
            }

            expanded = output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            problem = $"the body looks gzip-compressed but does not expand ({ex.Message})";
        }

        return true;
    }

    private static DecodedFeed DecodeBytes(ReadOnlySpan<byte> content, string? httpCharset)
    {
        if (DetectBom(content) is ({ } bomEncoding, var bomLength))
        {
            return bomEncoding.CodePage == Encoding.UTF8.CodePage
                ? Utf8(content[bomLength..], "bom")
                : new DecodedFeed(bomEncoding.GetString(content[bomLength..]), bomEncoding, "bom");
        }

        if (DetectWideEncoding(content) is { } wide)
        {
            return new DecodedFeed(wide.GetString(content), wide, "utf-detect");
        }

        var (label, source) = ReadDeclaredEncoding(content) is { } declared && Usable(declared) is { } fromDeclaration
            ? (fromDeclaration, "declaration")
            : Usable(httpCharset) is { } fromHeader ? (fromHeader, "http") : (null, "default");
        var hasHighBytes = content.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) >= 0;
        var validUtf8 = !hasHighBytes || IsValidUtf8(content);

        if (label is null || label.CodePage == Encoding.UTF8.CodePage)
        {
            return validUtf8
                ? Utf8(content, source)
                : new DecodedFeed(Windows1252.GetString(content), Windows1252, $"{source}-invalid");
        }

        if (hasHighBytes && validUtf8)
        {
            // Latin-1 or Cyrillic text that happens to be valid multi-byte UTF-8 is vanishingly rare; a UTF-8 feed
            // behind a stale legacy label (or HTTP default) is common. Rss20FinanzenNet in the corpus is one.
            return Utf8(content, $"{source}-mislabelled");
        }

        return new DecodedFeed(label.GetString(content), label, source);
    }

    private static DecodedFeed Utf8(ReadOnlySpan<byte> content, string source)
    {
        var text = Encoding.UTF8.GetString(content);
        return UndoDoubleEncoding(text) is { } repaired ? new DecodedFeed(repaired, Encoding.UTF8, $"{source}-double-encoded") : new DecodedFeed(text, Encoding.UTF8, source);
    }

    /// <summary>
    /// UTF-8 that was read as windows-1252 and written out as UTF-8 again ("ActualitÃ©s", "Ð¯Ð½Ð´ÐµÐºÑ"): each run of
    /// non-ASCII characters that all map back to windows-1252 bytes, where those bytes are valid multi-byte UTF-8, is
    /// read once more. Genuine text almost never forms such runs ("é" alone is byte E9, not UTF-8); mojibake always does.
    /// Rss20LeMonde, Rss20DerBrutkasten and Rss20YandexRussia in the corpus carry it. Null when nothing was repaired.
    /// </summary>
    internal static string? UndoDoubleEncoding(string text)
    {
        var i = text.AsSpan().IndexOfAnyExceptInRange('\0', '\u007F');
        if (i < 0)
        {
            return null;
        }

        StringBuilder? output = null;
        var copied = 0;
        Span<byte> bytes = stackalloc byte[256];
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && i - start < bytes.Length && text[i] >= '\u0080' && Windows1252Characters.Contains(text[i]))
            {
                // windows-1252 as the double-encoders apply it: its 27 punctuation characters, and every other
                // character under U+0100 as the byte of the same value (its five undefined positions pass through as C1).
                var c = text[i];
                bytes[i - start] = c < '\u0100' ? (byte)c : (byte)(0x80 + Windows1252Punctuation.IndexOf(c, StringComparison.Ordinal));
                i++;
            }

            if (i - start >= 2 && IsValidUtf8(bytes[..(i - start)]))
            {
                output ??= new StringBuilder(text.Length);
                output.Append(text, copied, start - copied).Append(Encoding.UTF8.GetString(bytes[..(i - start)]));
                copied = i;
            }

            if (i == start)
            {
                i++;
            }

            var next = text.AsSpan(i).IndexOfAnyExceptInRange('\0', '\u007F');
            i = next < 0 ? text.Length : i + next;
        }

        return output?.Append(text, copied, text.Length - copied).ToString();
    }

    private static (Encoding? Encoding, int Length) DetectBom(ReadOnlySpan<byte> content) => content switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        _ => (null, 0),
    };

    // XML 1.0 appendix F: without a BOM, the zero bytes around the first "<" (or leading whitespace) give the width.
    private static Encoding? DetectWideEncoding(ReadOnlySpan<byte> content) => content switch
    {
        [0x00, 0x00, 0x00, not 0x00, ..] => new UTF32Encoding(bigEndian: true, byteOrderMark: false),
        [not 0x00, 0x00, 0x00, 0x00, ..] => new UTF32Encoding(bigEndian: false, byteOrderMark: false),
        [0x00, not 0x00, 0x00, not 0x00, ..] => Encoding.BigEndianUnicode,
        [not 0x00, 0x00, not 0x00, 0x00, ..] => Encoding.Unicode,
        _ => null,
    };

    /// <summary>The encoding="…" of an XML declaration at the very start, read as ASCII; null without one.</summary>
    internal static string? ReadDeclaredEncoding(ReadOnlySpan<byte> content)
    {
        var head = content[..Math.Min(content.Length, 512)];
        var start = 0;
        while (start < head.Length && head[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (!head[start..].StartsWith("<?xml"u8))
        {
            return null;
        }

        var end = head[start..].IndexOf("?>"u8);
        var declaration = end < 0 ? head[start..] : head.Slice(start, end);
        var at = declaration.IndexOf("encoding"u8);
        if (at < 0)
        {
            return null;
        }

        var rest = declaration[(at + "encoding".Length)..].TrimStart(" \t\r\n"u8);
        if (rest.Length == 0 || rest[0] != (byte)'=')
        {
            return null;
        }

        rest = rest[1..].TrimStart(" \t\r\n"u8);
        if (rest.Length == 0 || rest[0] is not ((byte)'"' or (byte)'\''))
        {
            return null;
        }

        var close = rest[1..].IndexOf(rest[0]);
        return close <= 0 ? null : Encoding.ASCII.GetString(rest.Slice(1, close)).Trim();
    }

    /// <summary>
    /// The encoding a label names, if it can describe a document whose declaration was just read as ASCII: a "utf-16"
    /// or "utf-32" label on ASCII-compatible bytes is a leftover of some conversion and is ignored, like an unknown name.
    /// ISO-8859-1 and US-ASCII are read as windows-1252, their superset, as browsers do.
    /// </summary>
    internal static Encoding? Usable(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(label.Trim().Trim('"', '\''));
        }
        catch (ArgumentException)
        {
            return null;
        }

        return encoding.CodePage switch
        {
            1200 or 1201 or 12000 or 12001 => null,
            28591 or 20127 or 1252 => Windows1252,
            65001 => Encoding.UTF8,
            _ => encoding,
        };
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> content) => System.Text.Unicode.Utf8.IsValid(content);

    // C1 control characters are never meant in a feed: they are windows-1252 punctuation (’ “ ” – …) that went
    // through an ISO-8859-1 conversion ("demoronize" in the corpus). Undefined windows-1252 positions stay as they are.
    private static string RepairC1Controls(string text)
    {
        var first = text.AsSpan().IndexOfAnyInRange('\u0080', '\u009F');
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            for (var i = state.first; i < span.Length; i++)
            {
                if (span[i] is >= '\u0080' and <= '\u009F')
                {
                    span[i] = Windows1252Punctuation[span[i] - 0x80];
                }
            }
        });
    }
}
