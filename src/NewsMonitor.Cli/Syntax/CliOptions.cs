using System.CommandLine;
using System.CommandLine.Parsing;

namespace NewsMonitor.Cli.Syntax;

/// <summary>The options several commands share, and the rules every option follows: values checked with the flag named.</summary>
internal static class CliOptions
{
    /// <summary><c>--format</c>: one of <paramref name="allowed"/>, the first by default.</summary>
    public static Option<string> Format(params string[] allowed)
        => new Option<string>("--format") { Description = $"Output format: {string.Join(", ", allowed)}.", HelpName = string.Join('|', allowed), DefaultValueFactory = _ => allowed[0] }.OneOf(allowed);

    /// <summary>A switch: present or not; it never takes the next word as its value (<c>--json file.html</c> keeps the file).</summary>
    public static Option<bool> Switch(string name, string description) => new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>A <c>--name VALUE</c> option read as text: Core or the command checks the value and names the flag when it is wrong.</summary>
    public static Option<string> Value(string name, string valueName, string description) => new(name) { Description = description, HelpName = valueName };

    /// <summary>A repeatable <c>--name VALUE</c> option (<c>--entity a --entity b</c>).</summary>
    public static Option<string[]> Values(string name, string valueName, string description) => new(name) { Description = description, HelpName = valueName };

    /// <summary>Restricts the option to <paramref name="allowed"/>: offered by tab completion, anything else refused naming the flag.</summary>
    public static Option<string> OneOf(this Option<string> option, params string[] allowed)
    {
        option.CompletionSources.Add(allowed);
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"{Typed(result)}: \"{value}\" is not one of {string.Join(", ", allowed)}");
            }
        });
        return option;
    }

    /// <summary>The flag as the user typed it (an alias, if one was used), or the option's name when its default applies.</summary>
    public static string Typed(this ParseResult result, Option option) => result.GetResult(option) is { } found ? Typed(found) : option.Name;

    private static string Typed(OptionResult result) => result.IdentifierToken?.Value ?? result.Option.Name;
}
