using System.Globalization;
using System.Text;

namespace NewsMonitor.Escaping;

/// <summary>
/// The characters in feed text that act on a display instead of showing: C0 controls, DEL, C1 controls (ESC and CSI
/// start terminal escape sequences, BEL rings, CR overwrites a line) and Unicode's bidi controls (U+061C, U+200E,
/// U+200F, U+202A–U+202E, U+2066–U+2069), which reorder what a reader sees. Readers of mail and chat get them
/// removed (<see cref="Strip"/>); the terminal gets them shown (<see cref="Reveal"/>).
/// </summary>
public static class ControlCharacters
{
    public static bool IsControl(char c) => c < '\u0020'
        || c is >= '\u007F' and <= '\u009F'
        || c is '\u061C' or '\u200E' or '\u200F'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    /// <summary>
    /// For mail and chat: every control character removed, except that a line break or tab becomes a space so the
    /// words on either side stay apart.
    /// </summary>
    public static string Strip(string text)
    {
        if (!text.Any(IsControl))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\n' or '\r' or '\t')
            {
                result.Append(' ');
            }
            else if (!IsControl(c))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// The one rule for text printed on a terminal, used by every CLI printer: each control character is shown as its
    /// JSON escape (ESC as <c>\u001B</c>, U+202E as <c>\u202E</c>), so a hostile title is visible but cannot act, and
    /// JSON output stays the same JSON. Line breaks and tabs are kept only in multi-line text such as an article body;
    /// there a CR before a LF is dropped as a Windows line end.
    /// </summary>
    public static string Reveal(string text, bool keepLineBreaks = false)
    {
        if (!text.Any(IsControl))
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (keepLineBreaks && c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (!IsControl(c) || (keepLineBreaks && c is '\n' or '\t'))
            {
                result.Append(c);
            }
            else
            {
                result.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        return result.ToString();
    }
}
