using System.Diagnostics;
using System.Globalization;

namespace NewsMonitor.Cli.LocalHost;

/// <summary>
/// The Azurite the CLI starts for the local development account and leaves running for the next command: detached (in
/// a session of its own, so neither Ctrl+C in the terminal nor the CLI's exit stops it), on loopback, with its data, log
/// and pid in <see cref="DevelopmentStorage.FolderUnder"/>. Only the process recorded in that pid file is ever stopped.
/// </summary>
internal sealed class LocalAzurite
{
    /// <summary>Starts Azurite detached and prints its pid: node's <c>detached</c> is setsid() on Unix, a new process group on Windows.</summary>
    private const string Launcher = """
        const fs = require('fs');
        const [script, log, ...args] = process.argv.slice(1);
        const out = fs.openSync(log, 'w');
        const child = require('child_process').spawn(process.execPath, [script, ...args], { detached: true, stdio: ['ignore', out, out], windowsHide: true });
        process.stdout.write(String(child.pid));
        child.unref();
        """;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string repositoryRoot;

    public LocalAzurite(string repositoryRoot, DevelopmentStorage storage)
    {
        this.repositoryRoot = repositoryRoot;
        Storage = storage;
    }

    public DevelopmentStorage Storage { get; }

    public string Folder => Storage.FolderUnder(repositoryRoot);

    public string LogPath => Path.Combine(Folder, "azurite.log");

    private string PidPath => Path.Combine(Folder, "azurite.pid");

    /// <summary>Makes sure something answers on the development account's ports, starting Azurite when nothing listens there.</summary>
    /// <exception cref="InvalidOperationException">Azurite cannot be started; the message says why and what to do.</exception>
    public static async Task EnsureRunningAsync(DevelopmentStorage storage, TextWriter log, CancellationToken cancellationToken)
    {
        if ((await OpenPortsAsync(storage, cancellationToken)).Count < storage.Ports.Count)
        {
            await ForRepository(storage).StartAsync(log, cancellationToken);
        }
    }

    /// <summary>The repository the CLI runs in (from the current folder, else from the CLI's own build folder), if any.</summary>
    public static string? FindRepositoryRoot()
        => AzuriteProcess.FindRepositoryRoot(Directory.GetCurrentDirectory()) ?? AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory);

    /// <exception cref="InvalidOperationException">The CLI runs outside a repository that pins Azurite.</exception>
    public static LocalAzurite ForRepository(DevelopmentStorage storage)
    {
        var root = FindRepositoryRoot()
            ?? throw new InvalidOperationException(
                $"AzureWebJobsStorage is the local development account and nothing answers on {storage.Address}, but there is no package.json pinning azurite "
                + $"at or above {Directory.GetCurrentDirectory()} to start it from: run monitor inside the NewsMonitor repository, or start Azurite yourself "
                + $"(npx azurite --skipApiVersionCheck --loose --blobPort {storage.BlobPort} --queuePort {storage.QueuePort} --tablePort {storage.TablePort}).");
        return new LocalAzurite(root, storage);
    }

    /// <summary>The development account's ports that accept connections.</summary>
    public static async Task<IReadOnlyList<int>> OpenPortsAsync(DevelopmentStorage storage, CancellationToken cancellationToken)
    {
        var open = new List<int>();
        foreach (var port in storage.Ports)
        {
            if (await AzuriteProcess.IsOpenAsync(port, cancellationToken))
            {
                open.Add(port);
            }
        }

        return open;
    }

    /// <summary>
    /// Starts Azurite unless it already answers on all three ports, and waits until it does. A lock file keeps concurrent
    /// commands from starting two.
    /// </summary>
    /// <returns>False when Azurite was already answering.</returns>
    public async Task<bool> StartAsync(TextWriter log, CancellationToken cancellationToken)
    {
        if (Storage.Ports.Distinct().Count() != Storage.Ports.Count)
        {
            throw new InvalidOperationException($"AzureWebJobsStorage names the local development account on {Storage.Address}: Azurite needs three different ports.");
        }

        await using var gate = await FileLock.AcquireAsync(Path.Combine(Folder, "start.lock"), cancellationToken);
        var open = await OpenPortsAsync(Storage, cancellationToken);
        if (open.Count == Storage.Ports.Count)
        {
            return false;
        }

        // One we started that does not answer on all its ports (hung, or half up): replace it rather than run two on one folder.
        await StopAsync(cancellationToken);
        open = await OpenPortsAsync(Storage, cancellationToken);
        if (open.Count > 0)
        {
            throw new InvalidOperationException(
                $"AzureWebJobsStorage is the local development account on {Storage.Address}, but only {(open.Count == 1 ? "port" : "ports")} {string.Join(", ", open)} "
                + $"of its three answer{(open.Count == 1 ? "s" : string.Empty)}: another program holds them, so Azurite cannot start there. Stop that program, or point AzureWebJobsStorage at other ports.");
        }

        await AzuriteProcess.EnsureInstalledAsync(repositoryRoot, log, cancellationToken);
        using var process = await LaunchAsync(cancellationToken);
        await WaitUntilAnsweringAsync(process, cancellationToken);
        await log.WriteLineAsync($"Started Azurite on {Storage.Address} (data in {Folder}); it keeps running for the next command — `monitor azurite stop` stops it.");
        return true;
    }

    /// <summary>The Azurite this folder's pid file records, if that very process still runs.</summary>
    public Process? Recorded()
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(PidPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        if (lines.Length < 2 || !int.TryParse(lines[0], CultureInfo.InvariantCulture, out var pid) || !long.TryParse(lines[1], CultureInfo.InvariantCulture, out var startedTicks))
        {
            return null;
        }

        try
        {
            var process = Process.GetProcessById(pid);

            // A pid is reused once its process is gone: only the process that started at the recorded time is ours.
            if (!process.HasExited && Math.Abs(process.StartTime.ToUniversalTime().Ticks - startedTicks) < TimeSpan.TicksPerSecond)
            {
                return process;
            }

            process.Dispose();
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Stops the recorded Azurite as Ctrl+C does (SIGTERM), so it saves its data first; killed only if it is still running
    /// after 15 s.
    /// </summary>
    /// <returns>The pid of the process stopped, or null when none recorded here was running.</returns>
    public async Task<int?> StopAsync(CancellationToken cancellationToken)
    {
        using var process = Recorded();
        if (process is null)
        {
            if (File.Exists(PidPath))
            {
                File.Delete(PidPath);
            }

            return null;
        }

        if (await AzuriteProcess.SignalTerminateAsync(process.Id))
        {
            using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            grace.CancelAfter(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Still running: killed below.
            }
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            using var killed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            killed.CancelAfter(TimeSpan.FromSeconds(5));
            await process.WaitForExitAsync(killed.Token);
        }

        File.Delete(PidPath);
        return process.Id;
    }

    private async Task<Process> LaunchAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var launch = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = repositoryRoot };
        foreach (var arg in new[]
        {
            "-e", Launcher, Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js"), LogPath,
            "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--loose", "--location", Folder,
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", Port(Storage.BlobPort), "--queuePort", Port(Storage.QueuePort), "--tablePort", Port(Storage.TablePort),
        })
        {
            launch.ArgumentList.Add(arg);
        }

        Process? started;
        try
        {
            started = Process.Start(launch);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not start node to run Azurite ({ex.Message}): is Node.js 20+ installed and on PATH?", ex);
        }

        using var launcher = started ?? throw new InvalidOperationException("Could not start node to run Azurite.");
        var stdout = await launcher.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = await launcher.StandardError.ReadToEndAsync(cancellationToken);
        await launcher.WaitForExitAsync(cancellationToken);
        if (launcher.ExitCode != 0 || !int.TryParse(stdout, CultureInfo.InvariantCulture, out var pid))
        {
            throw new InvalidOperationException($"Could not start Azurite with node (exit code {launcher.ExitCode}): {stderr}{stdout}");
        }

        Process process;
        try
        {
            process = Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            throw new InvalidOperationException($"Azurite exited as soon as it started: {LogTail()}");
        }

        // Recorded before it answers, so that `monitor azurite stop` finds it even if this command is interrupted.
        await File.WriteAllLinesAsync(PidPath, [Port(pid), process.StartTime.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture)], cancellationToken);
        return process;
    }

    private async Task WaitUntilAnsweringAsync(Process process, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while ((await OpenPortsAsync(Storage, cancellationToken)).Count < Storage.Ports.Count)
        {
            if (process.HasExited)
            {
                File.Delete(PidPath);
                throw new InvalidOperationException($"Azurite did not start on {Storage.Address}: {LogTail()} (log: {LogPath}). Fix that and run the command again.");
            }

            if (DateTime.UtcNow > deadline)
            {
                await StopAsync(cancellationToken);
                throw new InvalidOperationException($"Azurite did not answer on {Storage.Address} within {StartTimeout.TotalSeconds:0} s: {LogTail()} (log: {LogPath})");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private string LogTail()
    {
        try
        {
            var lines = File.ReadAllLines(LogPath).Where(line => line.Length > 0).TakeLast(10).ToList();
            return lines.Count == 0 ? "it wrote nothing" : string.Join(Environment.NewLine, lines);
        }
        catch (IOException)
        {
            return "it wrote nothing";
        }
    }

    private static string Port(int value) => value.ToString(CultureInfo.InvariantCulture);
}
