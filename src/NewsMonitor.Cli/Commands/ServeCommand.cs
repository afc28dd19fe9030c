using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsMonitor.Web;
using NewsMonitor.Web.Api;
using NewsMonitor.Web.Security;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>monitor serve [--port N] [--open]</c>: the review workspace and the HTTP API of the Functions app, on loopback only
/// (the boundary on a laptop: nothing else can reach it), against the configured storage.
/// </summary>
internal static class ServeCommand
{
    public const int DefaultPort = 7071;

    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(args, ["port"], ["open", "verbose"]);
        if (line.Positionals.Count > 0)
        {
            throw new UsageException($"serve takes no arguments, got \"{line.Positionals[0]}\"");
        }

        var port = DefaultPort;
        if (line.Value("port") is { } text && (!int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out port) || port is < 0 or > 65535))
        {
            throw new UsageException($"--port: \"{text}\" is not a port number from 0 (any free port) to 65535");
        }

        var configuration = context.BuildConfiguration();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders().AddSimpleConsole(console => console.SingleLine = true)
            .AddFilter((category, level) => level >= (line.Has("verbose") ? LogLevel.Information : LogLevel.Warning));
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
        if (line.Has("open"))
        {
            OpenBrowser(url);
        }

        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: a normal stop.
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
