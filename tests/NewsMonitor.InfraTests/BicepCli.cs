using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace NewsMonitor.InfraTests;

/// <summary>
/// Runs the Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package (its path is written into this assembly at
/// build), or from <c>BICEP_PATH</c> when set. Bicep checks every resource property against the types it ships, offline.
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static string ExecutablePath { get; } = Resolve();

    public static async Task<BicepResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {ExecutablePath}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Limit}.");
        }

        return new BicepResult(string.Join(' ', arguments), process.ExitCode, await output, await error);
    }

    private static string Resolve()
    {
        var path = Environment.GetEnvironmentVariable("BICEP_PATH") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value;
        if (path is null || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The Bicep CLI is not at \"{path}\": restore tests/NewsMonitor.InfraTests (package Azure.Bicep.CommandLine.linux-x64, "
                + "Linux x64 only), or point BICEP_PATH at a bicep executable.");
        }

        // NuGet extracts package files as they were packed; make sure the owner may run it.
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        return path;
    }
}

/// <summary>What one Bicep CLI run printed; <see cref="Diagnostics"/> are its warning and error lines.</summary>
internal sealed record BicepResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    public IReadOnlyList<string> Diagnostics { get; } = (StandardOutput + "\n" + StandardError)
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(line => line.Contains(" : Warning ", StringComparison.Ordinal) || line.Contains(" : Error ", StringComparison.Ordinal))
        .ToList();

    public override string ToString() => $"bicep {Command} (exit {ExitCode})\n{StandardError}{(StandardOutput.Length < 4000 ? StandardOutput : string.Empty)}";
}
