namespace NewsMonitor.Cli.Commands;

/// <summary>The arguments of one command: positionals, repeatable <c>--name value</c> options and <c>--flag</c> switches.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> options = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);

    private CommandLine()
    {
    }

    public List<string> Positionals { get; } = [];

    /// <exception cref="UsageException">An unknown option, or an option without its value.</exception>
    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> optionNames, IReadOnlyCollection<string> flagNames)
    {
        var line = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                line.Positionals.Add(arg);
                continue;
            }

            var name = arg[2..];
            string? inlineValue = null;
            if (name.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
            {
                inlineValue = name[(eq + 1)..];
                name = name[..eq];
            }

            if (flagNames.Contains(name) && inlineValue is null)
            {
                line.flags.Add(name);
            }
            else if (optionNames.Contains(name))
            {
                var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"--{name} needs a value"));
                if (!line.options.TryGetValue(name, out var values))
                {
                    line.options[name] = values = [];
                }

                values.Add(value);
            }
            else
            {
                var known = optionNames.Select(o => $"--{o} VALUE").Concat(flagNames.Select(f => $"--{f}"));
                throw new UsageException($"unknown option {arg}; this command takes {string.Join(", ", known)}");
            }
        }

        return line;
    }

    public bool Has(string flag) => flags.Contains(flag);

    /// <summary>The <c>--format</c> asked for, the first of <paramref name="allowed"/> by default.</summary>
    public string Format(params string[] allowed)
    {
        var format = Value("format") ?? allowed[0];
        return allowed.Contains(format) ? format : throw new UsageException($"--format: \"{format}\" is not one of {string.Join(", ", allowed)}");
    }

    public string? Value(string option) => options.TryGetValue(option, out var values) ? values[^1] : null;

    public IReadOnlyList<string> Values(string option) => options.TryGetValue(option, out var values) ? values : [];
}
