using System.CommandLine;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsMonitor.Cli.LocalHost;
using NewsMonitor.Cli.Syntax;
using NewsMonitor.Delivery.Syndication;
using NewsMonitor.Web;
using NewsMonitor.Web.Api;
using NewsMonitor.Web.Security;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>monitor serve [--port N] [--open] [--demo]</c>: the review workspace and the HTTP API of the Functions app, on
/// loopback only (the boundary on a laptop: nothing else can reach it), against the configured storage — or, with
/// <c>--demo</c>, against what <c>monitor demo</c> stored.
/// </summary>
internal static class ServeCommand
{
    public const int DefaultPort = 7071;

    public static MonitorCommand Declare(CliContext context)
    {
        var port = CliOptions.Value("--port", "N", $"The loopback port (default {DefaultPort}; 0: any free port).");
        var open = CliOptions.Switch("--open", "Open the workspace in the browser.");
        var demo = CliOptions.Switch("--demo", "Serve what monitor demo stored.");
        var verbose = CliOptions.Switch("--verbose", "Log every request.");
        return new MonitorCommand("serve", "The review workspace and the HTTP API on http://localhost:7071/, loopback only, until Ctrl+C.")
        {
            port, open, demo, verbose,
        }.UsingStorage().WithExamples(("monitor serve --open", "review in the browser"), ("monitor serve --demo --port 8080", "the demo's data on another port"))
        .Does((result, cancellationToken) => RunAsync(context, result.GetValue(port), result.GetValue(open), result.GetValue(demo), result.GetValue(verbose), cancellationToken));
    }

    private static async Task<int> RunAsync(CliContext context, string? portText, bool open, bool demo, bool verbose, CancellationToken cancellationToken)
    {
        var port = DefaultPort;
        if (portText is { } text && (!int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out port) || port is < 0 or > 65535))
        {
            throw new UsageException($"--port: \"{text}\" is not a port number from 0 (any free port) to 65535");
        }

        var root = AzuriteProcess.FindRepositoryRoot(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();
        var configuration = context.BuildConfiguration(demo ? DemoCommand.StorageSettings(root) : null);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders().AddSimpleConsole(console => console.SingleLine = true)
            .AddFilter((category, level) => level >= (verbose ? LogLevel.Information : LogLevel.Warning))

            // A port that cannot be bound is said in one line below, not as the host's stack trace.
            .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddNewsMonitor(configuration);
        builder.Services.AddNewsMonitorWeb(new ReviewerIdentity(TrustPlatformHeader: false));

        // The endpoints answer with MVC results, as the Functions host executes them.
        builder.Services.AddMvcCore();
        await using var app = builder.Build();
        app.MapNewsMonitor();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            throw new UsageException($"--port: 127.0.0.1:{port} cannot be used ({ex.Message}); pick another with --port");
        }

        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        await context.Output.WriteLineAsync($"Workspace and API on {url}/ (loopback only). Ctrl+C stops.");
        if (!app.Services.GetRequiredService<FeedTokens>().Enabled)
        {
            await context.Error.WriteLineAsync(FeedTokens.Disabled + ".");
        }
        if (open)
        {
            OpenBrowser(url);
        }

        // Ctrl+C reaches the command's token; SIGTERM (a service manager, `kill`) reaches the host, which stops itself.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // A normal stop.
        }

        await app.StopAsync(CancellationToken.None);
        return 0;
    }

    private static void OpenBrowser(string url)
    {
        var opener = OperatingSystem.IsWindows() ? "explorer" : OperatingSystem.IsMacOS() ? "open" : "xdg-open";
        try
        {
            using var _ = Process.Start(new ProcessStartInfo(opener, url) { UseShellExecute = false });
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No browser opener here (a server, a container): the URL is printed above.
        }
    }
}
