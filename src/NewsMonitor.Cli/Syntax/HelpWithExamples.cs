using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace NewsMonitor.Cli.Syntax;

/// <summary>
/// System.CommandLine's help (description, usage, arguments, options, commands), then the command's examples and, for
/// <c>monitor --help</c>, where settings come from. Wrapping the library's action is its documented way to add sections.
/// </summary>
internal sealed class HelpWithExamples(HelpAction help, string rootNotes) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    /// <summary>Puts this action on every help option of the tree (one on the root, recursive).</summary>
    public static void Install(RootCommand root, string rootNotes)
    {
        foreach (var option in root.Options.OfType<HelpOption>())
        {
            option.Action = new HelpWithExamples((HelpAction)option.Action!, rootNotes);
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        var exit = help.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        var command = parseResult.CommandResult.Command;
        if (command is MonitorCommand { Examples.Count: > 0 } documented)
        {
            output.WriteLine("Examples:");
            var width = documented.Examples.Max(e => e.Line.Length);
            foreach (var (line, does) in documented.Examples)
            {
                output.WriteLine($"  {line.PadRight(width)}  # {does}");
            }

            output.WriteLine();
        }

        if (command is RootCommand)
        {
            output.WriteLine(rootNotes);
            output.WriteLine();
        }

        return exit;
    }
}
