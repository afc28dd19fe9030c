using System.Diagnostics;
using System.Reflection;
using NewsMonitor.Cli;
using NewsMonitor.Cli.Syntax;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// <c>dotnet pack</c> makes <c>monitor</c> a .NET tool that installs and runs as a user would install it, into a temporary
/// tool path. Packs what the test build already built (<c>--no-build</c>) from a local folder only, so it takes seconds.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"monitor-tool-{Guid.NewGuid():N}");

    [Fact]
    public async Task ThePackedToolInstallsAndAnswersVersionHelpAndTabCompletion()
    {
        var feed = Path.Combine(folder, "feed");
        var tools = Path.Combine(folder, "tools");
        var configuration = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var config = Path.Combine(folder, "nuget.config");
        Directory.CreateDirectory(folder);

        // Only the folder the package was packed into: no registry is asked.
        await File.WriteAllTextAsync(config, $"""<configuration><packageSources><clear /><add key="local" value="{feed}" /></packageSources></configuration>""");
        var pack = await RunAsync("dotnet", ["pack", Path.Combine(LocalEnvironment.RepositoryRoot, "src", "NewsMonitor.Cli"), "--no-build", "-c", configuration, "-o", feed, "-nologo"]);
        var install = await RunAsync("dotnet", ["tool", "install", "NewsMonitor.Cli", "--tool-path", tools, "--add-source", feed, "--configfile", config]);
        var monitor = Path.Combine(tools, OperatingSystem.IsWindows() ? "monitor.exe" : "monitor");
        var version = await RunAsync(monitor, ["--version"]);
        var help = await RunAsync(monitor, ["matches", "--help"]);
        var installed = Directory.EnumerateFiles(tools, "monitor.dll", SearchOption.AllDirectories).Single();

        Assert.True(pack.Exit == 0, pack.Output);
        Assert.Single(Directory.EnumerateFiles(feed, "NewsMonitor.Cli.*.nupkg"));
        Assert.True(install.Exit == 0, install.Output);
        Assert.Equal((0, VersionAction.Version), (version.Exit, version.Output.Trim()));
        Assert.Equal(0, help.Exit);
        Assert.Contains("monitor matches [options]", help.Output, StringComparison.Ordinal);
        Assert.Contains("Examples:", help.Output, StringComparison.Ordinal);

        // monitor run reads host.json beside monitor.dll, as the Functions host reads it beside the app.
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(installed)!, "host.json")), $"no host.json beside {installed}");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(["--format"], await BashCompletionAsync(tools, "monitor matches --fo"));
            Assert.Equal(["matches"], await BashCompletionAsync(tools, "monitor mat"));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs the bash lines docs/cli.md tells users to paste, as bash would on Tab after <paramref name="line"/>.</summary>
    private static async Task<string[]> BashCompletionAsync(string tools, string line)
    {
        var docs = await File.ReadAllLinesAsync(Path.Combine(LocalEnvironment.RepositoryRoot, "docs", "cli.md"));
        var start = Array.IndexOf(docs, "```bash", Array.FindIndex(docs, l => l.StartsWith("bash (", StringComparison.Ordinal))) + 1;
        var snippet = string.Join('\n', docs.Skip(start).TakeWhile(l => l != "```"));
        var script = snippet + """

            read -ra COMP_WORDS <<< "$COMP_LINE"
            COMP_POINT=${#COMP_LINE}; COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            _monitor_complete
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        var result = await RunAsync("bash", ["-c", script], new Dictionary<string, string> { ["COMP_LINE"] = line, ["PATH"] = tools + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") });
        Assert.True(result.Exit == 0, result.Output);
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string[] args, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
