using System.Globalization;

namespace NewsMonitor.Cli.Terminal;

/// <summary>
/// Collapses a line logged again and again ("Scheduled 0 of 12 feeds" every timer tick) into the first occurrence and,
/// when a different line comes or the run ends, one line with how many more times and over how long it came.
/// </summary>
internal sealed class RepeatedLines(TimeProvider clock)
{
    private readonly Lock gate = new();
    private string? last;
    private int repeats;
    private DateTimeOffset firstAt;
    private DateTimeOffset lastAt;

    /// <summary>The lines to write for <paramref name="line"/>: none for a repeat, else the pending count (if any) and the line.</summary>
    public IReadOnlyList<string> Next(string line)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            if (line == last)
            {
                repeats++;
                lastAt = now;
                return [];
            }

            var lines = new List<string>(2);
            if (PendingLocked() is { } pending)
            {
                lines.Add(pending);
            }

            last = line;
            repeats = 0;
            firstAt = lastAt = now;
            lines.Add(line);
            return lines;
        }
    }

    /// <summary>The count of repeats not yet written, for the end of the run; null when there is none.</summary>
    public string? Flush()
    {
        lock (gate)
        {
            var pending = PendingLocked();
            last = null;
            repeats = 0;
            return pending;
        }
    }

    private string? PendingLocked() => repeats == 0 ? null
        : string.Create(CultureInfo.InvariantCulture, $"  … the line above {repeats} more time(s) in {Duration(lastAt - firstAt)}");

    private static string Duration(TimeSpan span) => span.TotalSeconds < 90
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} s")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} min");
}
