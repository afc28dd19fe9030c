using System.CommandLine;
using System.CommandLine.Parsing;

namespace NewsMonitor.Cli.Syntax;

/// <summary>
/// What is wrong with a command line, one problem a line: an unknown option or command with the nearest valid one, a
/// value an option refused (its validator names the flag), a missing subcommand.
/// </summary>
internal static class UsageErrors
{
    /// <summary>Further than this many edits, a name is not offered as "did you mean" (System.CommandLine's own limit).</summary>
    private const int MaxDistance = 3;

    public static IReadOnlyList<string> Describe(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var lines = new List<string>();
        var unknown = result.UnmatchedTokens.Concat(StrayOptions(result)).ToList();
        for (var i = 0; i < unknown.Count; i++)
        {
            // "--entiy x": x is the value of the mistyped option, not a second problem.
            if (!LooksLikeOption(unknown[i]) && i > 0 && LooksLikeOption(unknown[i - 1]))
            {
                continue;
            }

            lines.Add(Unknown(command, unknown[i]));
        }

        lines.AddRange(result.Errors.Where(e => e.SymbolResult is not CommandResult).Select(e => e.Message));
        if (lines.Count == 0 && command is { Action: null, Subcommands.Count: > 0 })
        {
            lines.Add($"give a command: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}");
        }

        if (lines.Count == 0 && result.Errors.Count > 0)
        {
            lines.AddRange(result.Errors.Select(e => e.Message));
        }

        return lines;
    }

    private static string Unknown(Command command, string token)
    {
        var option = LooksLikeOption(token);
        var candidates = option
            ? command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))
            : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
        var nearest = Nearest(token, candidates);
        var what = option ? "option" : command.Subcommands.Count > 0 ? "command" : "argument";
        var hint = nearest is null ? string.Empty : $"; did you mean {nearest}?";
        return $"unknown {what} \"{token}\"{hint}";
    }

    /// <summary>
    /// Positional values that look like options (<c>check a.html --jsn</c>): System.CommandLine takes them as arguments, the old
    /// parser refused them, and a mistyped flag read as a file name helps nobody. After <c>--</c> they are arguments.
    /// </summary>
    private static IEnumerable<string> StrayOptions(ParseResult result)
    {
        var doubleDash = result.Tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        var beforeDoubleDash = doubleDash < 0 ? result.Tokens : result.Tokens.Take(doubleDash).ToList();
        return result.CommandResult.Children.OfType<ArgumentResult>()
            .SelectMany(a => a.Tokens)
            .Where(t => LooksLikeOption(t.Value) && beforeDoubleDash.Any(b => ReferenceEquals(b, t)))
            .Select(t => t.Value);
    }

    private static bool LooksLikeOption(string token) => token.Length > 1 && token[0] == '-' && !char.IsAsciiDigit(token[1]);

    private static string? Nearest(string token, IEnumerable<string> candidates)
        => candidates
            .Select(c => (Name: c, Distance: Distance(token, c)))
            .Where(c => c.Distance <= Math.Min(MaxDistance, token.TrimStart('-').Length / 2))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();

    /// <summary>Levenshtein distance: insertions, deletions and substitutions.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
