using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsMonitor.Cli.LocalHost;
using NewsMonitor.Cli.Terminal;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// What every command gets: its output streams and the Core services, configured from (lowest first) defaults,
/// <c>local.settings.json</c> Values, environment variables, the caller's overrides and the command's own flags.
/// </summary>
internal sealed class CliContext(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> overrides, bool quiet = false)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary><c>--quiet</c>: no progress, and only warnings and errors logged.</summary>
    public bool Quiet { get; } = quiet;

    /// <summary>Stderr as lines, with a progress line below them on an interactive terminal.</summary>
    public TerminalLines Terminal { get; } = TerminalLines.For(error, quiet);

    public IReadOnlyDictionary<string, string?> Overrides { get; } = overrides;

    /// <param name="verbose"><c>--verbose</c>: every Information line, retries and stack traces included.</param>
    /// <param name="events">One Information line per pipeline event (a long <c>monitor run</c>); warnings only otherwise.</param>
    public ServiceProvider BuildServices(IReadOnlyDictionary<string, string?>? commandSettings = null, bool verbose = false, bool events = false)
    {
        var configuration = BuildConfiguration(commandSettings);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        var rules = new LogRules(events, verbose, Quiet);
        services.AddLogging(logging => logging
            .ClearProviders()
            .AddFilter((category, level) => rules.Shows(category ?? string.Empty, level))
            .Services.AddSingleton<ILoggerProvider>(_ => new CompactLoggerProvider(Terminal, rules)));
        services.AddNewsMonitor(configuration).AddOtlpWhenConfigured(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }).StartOtlp();
    }

    public IConfigurationRoot BuildConfiguration(IReadOnlyDictionary<string, string?>? commandSettings = null)
    {
        var configuration = Build(commandSettings, defaults: new Dictionary<string, string?>());

        // Azurite is the default only when no storage is configured at all: identity-based settings
        // (AzureWebJobsStorage__blobServiceUri, __accountName…) must not lose to it.
        var storage = configuration.GetSection("AzureWebJobsStorage");
        return storage.Value is null && !storage.GetChildren().Any()
            ? Build(commandSettings, new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" })
            : configuration;
    }

    private IConfigurationRoot Build(IReadOnlyDictionary<string, string?>? commandSettings, IReadOnlyDictionary<string, string?> defaults)
        => new ConfigurationBuilder()
            .AddInMemoryCollection(defaults)
            .AddInMemoryCollection(LocalSettings.Read(Path.GetFullPath("local.settings.json")))
            .AddEnvironmentVariables()
            .AddInMemoryCollection(Overrides)
            .AddInMemoryCollection(commandSettings ?? new Dictionary<string, string?>())
            .Build();
}
