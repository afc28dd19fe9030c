using System.CommandLine;
using NewsMonitor.Cli.LocalHost;
using NewsMonitor.Cli.Syntax;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>monitor azurite start|stop|status</c>: the Azurite that commands needing storage start for the local development
/// account and leave running. <c>stop</c> stops only the one monitor started (recorded in its pid file).
/// </summary>
internal static class AzuriteCommand
{
    public static MonitorCommand Declare(CliContext context)
    {
        var start = new MonitorCommand("start", "Start Azurite for the local development account, unless something answers on its ports.")
            .Does((_, cancellationToken) => StartAsync(context, Storage(context), cancellationToken));
        var stop = new MonitorCommand("stop", "Stop the Azurite monitor started (its data stays).")
            .Does((_, cancellationToken) => StopAsync(context, Storage(context), cancellationToken));
        var status = new MonitorCommand("status", "Whether Azurite runs, who started it, where its data and log are; exit 1 when it does not answer.")
            .Does((_, cancellationToken) => StatusAsync(context, Storage(context), cancellationToken));
        return new MonitorCommand("azurite", "The Azurite that commands needing storage start for the local development account.") { start, stop, status }
            .WithExamples(("monitor azurite status", "running? pid, data folder, log"), ("monitor azurite stop", "stop it; its data stays in .local/azurite"));
    }

    private static DevelopmentStorage Storage(CliContext context)
        => DevelopmentStorage.From(context.BuildConfiguration())
            ?? throw new InvalidOperationException("AzureWebJobsStorage is not the local development account (UseDevelopmentStorage=true, or devstoreaccount1 on 127.0.0.1): there is no Azurite to manage.");

    private static async Task<int> StartAsync(CliContext context, DevelopmentStorage storage, CancellationToken cancellationToken)
    {
        if (!await LocalAzurite.ForRepository(storage).StartAsync(context.Error, cancellationToken))
        {
            await context.Output.WriteLineAsync($"Azurite already answers on {storage.Address}.");
        }

        return 0;
    }

    private static async Task<int> StopAsync(CliContext context, DevelopmentStorage storage, CancellationToken cancellationToken)
    {
        var root = LocalAzurite.FindRepositoryRoot();
        var azurite = root is null ? null : new LocalAzurite(root, storage);
        if (azurite is not null && await azurite.StopAsync(cancellationToken) is { } pid)
        {
            await context.Output.WriteLineAsync($"Stopped Azurite (pid {pid}) on {storage.Address}; its data stays in {azurite.Folder}.");
            return 0;
        }

        if ((await LocalAzurite.OpenPortsAsync(storage, cancellationToken)).Count > 0)
        {
            await context.Error.WriteLineAsync($"Something answers on {storage.Address}, but monitor did not start it (no running pid in {azurite?.Folder ?? "a repository's .local folder"}): stop it where it was started.");
            return 1;
        }

        await context.Output.WriteLineAsync($"No Azurite is running on {storage.Address}.");
        return 0;
    }

    private static async Task<int> StatusAsync(CliContext context, DevelopmentStorage storage, CancellationToken cancellationToken)
    {
        var root = LocalAzurite.FindRepositoryRoot();
        var azurite = root is null ? null : new LocalAzurite(root, storage);
        using var recorded = azurite?.Recorded();
        var open = await LocalAzurite.OpenPortsAsync(storage, cancellationToken);
        var answering = open.Count == storage.Ports.Count;
        var state = (answering, recorded) switch
        {
            (true, not null) => $"running, started by monitor (pid {recorded.Id}; data in {azurite!.Folder}, log {azurite.LogPath}). `monitor azurite stop` stops it.",
            (true, null) => "running, not started by monitor: stop it where it was started.",
            (false, not null) => $"pid {recorded.Id}, started by monitor, runs but does not answer on all three ports (log {azurite!.LogPath}). `monitor azurite stop` stops it.",
            _ when open.Count > 0 => $"not running: only {(open.Count == 1 ? "port" : "ports")} {string.Join(", ", open)} of its three answer{(open.Count == 1 ? "s" : string.Empty)}, held by another program.",
            _ => "not running. Any command that needs storage starts it, or `monitor azurite start`.",
        };
        await context.Output.WriteLineAsync($"Azurite on {storage.Address}: {state}");
        return answering ? 0 : 1;
    }
}
