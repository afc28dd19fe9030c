using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace NewsMonitor.Cli.Syntax;

/// <summary>
/// <c>monitor --version</c>: this assembly's informational version (the package version and the commit it was built from).
/// The library's own action reads the entry assembly, which is the test host when tests run the CLI in-process.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public static string Version { get; } =
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionAction).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public override bool ClearsParseErrors => true;

    public static void Install(RootCommand root)
    {
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new VersionAction();
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return 0;
    }
}
