using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NewsMonitor.Cli.LocalHost;

/// <summary>
/// Starts the Azurite pinned in the repository's package.json (running <c>npm ci</c> first when it is not installed),
/// on loopback, and stops it cleanly on dispose.
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key: public, the same on every machine.</summary>
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process process;
    private bool disposed;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    /// <summary>The Azurite (node) process, for measuring its memory.</summary>
    public int ProcessId => process.Id;

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};"
        + $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    /// <param name="repositoryRoot">The folder holding package.json.</param>
    /// <param name="dataFolder">Where Azurite keeps its data, or null to keep it in memory only.</param>
    /// <param name="ports">Blob, queue and table ports; null picks free ones.</param>
    /// <param name="environment">Variables added to the node process's environment (tests give Azurite a clock they can move).</param>
    public static async Task<AzuriteProcess> StartAsync(string repositoryRoot, string? dataFolder, (int Blob, int Queue, int Table)? ports, TextWriter log, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var executable = Path.Combine(repositoryRoot, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        await EnsureInstalledAsync(repositoryRoot, log, cancellationToken).ConfigureAwait(false);

        if (ports is { } chosen)
        {
            return await StartOnceAsync(executable, repositoryRoot, dataFolder, chosen, environment, cancellationToken).ConfigureAwait(false);
        }

        // A port that was free a moment ago can be taken by another process before Azurite binds it: pick new ones.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(executable, repositoryRoot, dataFolder, (FreePort(), FreePort(), FreePort()), environment, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex) when (attempt < 3 && ex.Message.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                // Next attempt, new ports.
            }
        }
    }

    private static async Task<AzuriteProcess> StartOnceAsync(string executable, string repositoryRoot, string? dataFolder, (int Blob, int Queue, int Table) ports, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var (blob, queue, table) = ports;
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--loose",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queuePort", queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tablePort", table.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        if (dataFolder is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(dataFolder);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(dataFolder);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var azurite = new AzuriteProcess(process, blob, queue, table);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await IsOpenAsync(blob, cancellationToken) && await IsOpenAsync(queue, cancellationToken) && await IsOpenAsync(table, cancellationToken)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await azurite.DisposeAsync().ConfigureAwait(false);
                string text;
                lock (output)
                {
                    text = output.ToString();
                }

                throw new InvalidOperationException($"Azurite did not start on ports {blob}/{queue}/{table}: {text}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        return azurite;
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> whose package.json pins Azurite.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var package = Path.Combine(directory.FullName, "package.json");
            if (File.Exists(package) && File.ReadAllText(package).Contains("\"azurite\"", StringComparison.Ordinal))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>
    /// Stops Azurite the way Ctrl+C does, so it writes its data to disk first: Azurite saves its database every 5 seconds,
    /// and a killed Azurite loses what it accepted since the last save. Killed only if it has not exited within 15 s.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            if (!OperatingSystem.IsWindows() && await SignalTerminateAsync(process.Id).ConfigureAwait(false))
            {
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                try
                {
                    await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Still running: killed below.
                }
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        process.Dispose();
    }

    /// <summary>Sends SIGTERM (what Ctrl+C does to Azurite); false where there is no <c>kill</c> (Windows) or it failed.</summary>
    internal static async Task<bool> SignalTerminateAsync(int processId)
    {
        var kill = new ProcessStartInfo("kill") { RedirectStandardError = true, UseShellExecute = false };
        kill.ArgumentList.Add("-TERM");
        kill.ArgumentList.Add(processId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            using var signal = Process.Start(kill);
            if (signal is null)
            {
                return false;
            }

            await signal.WaitForExitAsync().ConfigureAwait(false);
            return signal.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Runs <c>npm ci</c> in <paramref name="repositoryRoot"/> unless the pinned Azurite is installed there.</summary>
    internal static async Task EnsureInstalledAsync(string repositoryRoot, TextWriter log, CancellationToken cancellationToken)
    {
        var installed = Path.Combine(repositoryRoot, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        if (File.Exists(installed))
        {
            return;
        }

        await log.WriteLineAsync($"Installing Azurite with npm ci in {repositoryRoot}…").ConfigureAwait(false);

        // A lock file keeps two processes (test assemblies in parallel) from installing into one node_modules at once.
        await using var gate = await FileLock.AcquireAsync(Path.Combine(repositoryRoot, ".local", "npm-ci.lock"), cancellationToken).ConfigureAwait(false);
        if (File.Exists(installed))
        {
            return;
        }

        var npm = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm") { WorkingDirectory = repositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            npm.ArgumentList.Add(arg);
        }

        Process? started;
        try
        {
            started = Process.Start(npm);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not start npm to install Azurite ({ex.Message}): is Node.js 20+ installed and on PATH?", ex);
        }

        using var process = started ?? throw new InvalidOperationException("Could not start npm: is Node.js installed?");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed with exit code {process.ExitCode}: {await stderr}{await stdout}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>True when something accepts connections on the loopback <paramref name="port"/>.</summary>
    internal static async Task<bool> IsOpenAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMilliseconds(500));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
