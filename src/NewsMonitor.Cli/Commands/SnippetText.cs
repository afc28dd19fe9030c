using System.Text;
using NewsMonitor.Escaping;
using NewsMonitor.Reading.Search;

namespace NewsMonitor.Cli.Commands;

/// <summary>A highlighted sentence for the terminal: reverse video there, «…» otherwise; the feed's text revealed piece by piece.</summary>
internal static class SnippetText
{
    /// <summary>Whether highlights can be reverse video: only on a terminal, never in a file or a pipe.</summary>
    public static bool UseColor(CliContext context) => ReferenceEquals(context.Output, Console.Out) && !Console.IsOutputRedirected;

    public static string Render(HighlightedSnippet snippet, bool color)
    {
        var (open, close) = color ? ("\u001b[7m", "\u001b[0m") : ("«", "»");
        var text = new StringBuilder();
        var position = 0;
        foreach (var highlight in snippet.Highlights)
        {
            if (highlight.Offset < position || highlight.Offset + highlight.Length > snippet.Text.Length)
            {
                continue;
            }

            text.Append(Reveal(snippet.Text[position..highlight.Offset])).Append(open).Append(Reveal(snippet.Text.Substring(highlight.Offset, highlight.Length))).Append(close);
            position = highlight.Offset + highlight.Length;
        }

        return text.Append(Reveal(snippet.Text[position..])).ToString();

        static string Reveal(string piece) => ControlCharacters.Reveal(piece);
    }

    /// <summary>The query as one shell word, to paste back: single quotes, each quote in it closed, escaped and reopened.</summary>
    public static string ShellQuote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
