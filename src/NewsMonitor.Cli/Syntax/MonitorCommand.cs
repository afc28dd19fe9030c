using System.CommandLine;

namespace NewsMonitor.Cli.Syntax;

/// <summary>
/// A <c>monitor</c> command: its System.CommandLine declaration (arguments and options in the collection initializer)
/// plus the examples its help ends with and whether it needs storage.
/// </summary>
internal sealed class MonitorCommand(string name, string description) : Command(name, description)
{
    /// <summary>Command lines and what each does, printed under "Examples:" by <c>--help</c>.</summary>
    public IReadOnlyList<(string Line, string Does)> Examples { get; private set; } = [];

    /// <summary>Reads or writes storage: before it runs, the local development account gets its Azurite (see <see cref="CliApp"/>).</summary>
    public bool NeedsStorage { get; private set; }

    public MonitorCommand WithExamples(params (string Line, string Does)[] examples)
    {
        Examples = examples;
        return this;
    }

    public MonitorCommand UsingStorage()
    {
        NeedsStorage = true;
        return this;
    }

    /// <summary>What the command does: the handler gets the parse result and the CLI's cancellation token, and returns the exit code.</summary>
    public MonitorCommand Does(Func<ParseResult, CancellationToken, Task<int>> handler)
    {
        SetAction(handler);
        return this;
    }
}
