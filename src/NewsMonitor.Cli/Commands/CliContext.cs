using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsMonitor.Cli.LocalHost;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// What every command gets: its output streams and the Core services, configured from (lowest first) defaults,
/// <c>local.settings.json</c> Values, environment variables, the caller's overrides and the command's own flags.
/// </summary>
internal sealed class CliContext(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> overrides)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public IReadOnlyDictionary<string, string?> Overrides { get; } = overrides;

    public ServiceProvider BuildServices(IReadOnlyDictionary<string, string?>? commandSettings = null, bool verbose = false)
    {
        var configuration = BuildConfiguration(commandSettings);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddFilter((category, level) => level >= (verbose ? LogLevel.Information : LogLevel.Warning) && !(category ?? string.Empty).StartsWith("System.Net.Http", StringComparison.Ordinal))
            .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
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
