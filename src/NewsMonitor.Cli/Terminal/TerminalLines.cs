namespace NewsMonitor.Cli.Terminal;

/// <summary>
/// The CLI's stderr as lines: log lines and notices go through here, and on an interactive terminal one status line
/// (progress) stays below them, cleared before each line and drawn again after it, so a line never lands inside it.
/// Anywhere else (redirected, a test's writer, <c>--quiet</c>) there is no status line: plain lines only, no ANSI.
/// A line written again verbatim is collapsed into a count (<see cref="RepeatedLines"/>).
/// </summary>
internal sealed class TerminalLines(TextWriter writer, bool interactive, TimeProvider? clock = null)
{
    /// <summary>Carriage return, then ANSI "erase the whole line": the status line is redrawn in place.</summary>
    private const string EraseLine = "\r\u001b[2K";

    private readonly Lock gate = new();
    private readonly RepeatedLines repeated = new(clock ?? TimeProvider.System);
    private string? status;

    /// <summary>Whether a status line can be drawn: stderr is a terminal that was not asked to be quiet.</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>The terminal the CLI runs in, or plain lines when stderr is redirected, <c>TERM=dumb</c> or <c>--quiet</c>.</summary>
    public static TerminalLines For(TextWriter error, bool quiet)
        => new(error, !quiet && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") != "dumb");

    public void WriteLine(string line)
    {
        lock (gate)
        {
            Write(repeated.Next(line));
        }
    }

    /// <summary>Writes how many times the last line repeated, if it did since it was written: at the end of a command.</summary>
    public void FlushRepeats()
    {
        lock (gate)
        {
            Write(repeated.Flush() is { } pending ? [pending] : []);
        }
    }

    private void Write(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        if (status is not null)
        {
            writer.Write(EraseLine);
        }

        foreach (var line in lines)
        {
            writer.WriteLine(line);
        }

        if (status is not null)
        {
            writer.Write(Fit(status));
        }

        writer.Flush();
    }

    /// <summary>Shows <paramref name="text"/> as the status line (interactive only); null removes it.</summary>
    public void Status(string? text)
    {
        if (!Interactive)
        {
            return;
        }

        lock (gate)
        {
            if (status is not null || text is not null)
            {
                writer.Write(EraseLine);
            }

            status = text;
            if (text is not null)
            {
                writer.Write(Fit(text));
            }

            writer.Flush();
        }
    }

    /// <summary>A status line longer than the terminal would wrap, and erasing would then leave its first part behind.</summary>
    private static string Fit(string text)
    {
        var width = Console.IsErrorRedirected ? int.MaxValue : Math.Max(Console.WindowWidth - 1, 20);
        return text.Length <= width ? text : text[..(width - 1)] + "…";
    }
}
