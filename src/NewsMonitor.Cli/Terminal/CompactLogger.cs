using System.Text;
using Microsoft.Extensions.Logging;
using NewsMonitor.Escaping;

namespace NewsMonitor.Cli.Terminal;

/// <summary>
/// The CLI's logger: one line per event, <c>warn FeedPoller: …</c>, with an exception as its type and message on the
/// same line (its stack trace only with <c>--verbose</c>), credentials in URLs masked, control characters shown rather
/// than acted on. Writes through <see cref="TerminalLines"/>, so log lines and the progress line share stderr without
/// tearing each other, a repeated line is collapsed into a count, and tests read what a user would see.
/// </summary>
internal sealed class CompactLoggerProvider(TerminalLines terminal, LogRules rules) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new CompactLogger(this, categoryName);

    /// <summary>Writes the count of a line still repeating when the command ends.</summary>
    public void Dispose() => terminal.FlushRepeats();

    /// <summary>One event as the line (or, with a verbose stack trace, lines) the terminal shows.</summary>
    public static string Format(string category, LogLevel level, string message, Exception? exception, bool stackTraces)
    {
        var line = new StringBuilder()
            .Append(Label(level)).Append(' ')
            .Append(ShortCategory(category)).Append(": ")
            .Append(message);
        if (exception is not null && stackTraces)
        {
            line.AppendLine().Append(exception);
        }
        else if (exception is not null && !message.Contains(exception.Message, StringComparison.Ordinal))
        {
            line.Append(" (").Append(exception.GetType().Name).Append(": ").Append(FirstLine(exception.Message)).Append(')');
        }

        // Multi-line messages (a list of problems) keep their lines, indented under the event.
        return ControlCharacters.Reveal(UrlCredentials.MaskedIn(line.ToString()), keepLineBreaks: true).Replace("\n", "\n    ", StringComparison.Ordinal);
    }

    private static string Label(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    /// <summary>The class, not its namespace (<c>NewsMonitor.Ingestion.FeedPoller</c> → <c>FeedPoller</c>); a WebJobs function keeps its prefix.</summary>
    private static string ShortCategory(string category)
        => category.StartsWith("Function.", StringComparison.Ordinal) ? category : category[(category.LastIndexOf('.') + 1)..];

    private static string FirstLine(string text) => text.IndexOf('\n', StringComparison.Ordinal) is var end and >= 0 ? text[..end].TrimEnd('\r') : text;

    private bool Shows(string category, LogLevel level) => rules.Shows(category, level);

    private void Write(string category, LogLevel level, string message, Exception? exception)
    {
        terminal.WriteLine(Format(category, level, message, exception, rules.StackTraces));
    }

    private sealed class CompactLogger(CompactLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => provider.Shows(category, logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The WebJobs SDK logs some events for their state alone, with no message: nothing to show, as in the console logger.
            if (IsEnabled(logLevel) && formatter(state, exception) is var message && (!string.IsNullOrEmpty(message) || exception is not null))
            {
                provider.Write(category, logLevel, message ?? string.Empty, exception);
            }
        }
    }
}
