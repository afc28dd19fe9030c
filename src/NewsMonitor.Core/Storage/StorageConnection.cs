using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NewsMonitor.Storage;

/// <summary>
/// Creates the storage clients from <c>AzureWebJobsStorage</c> as the Functions host's storage extensions do: a
/// connection string (Azurite: <c>UseDevelopmentStorage=true</c>) goes to <see cref="AzureComponentFactory"/>; an
/// identity-based connection takes its service address from <c>__blobServiceUri</c> / <c>__queueServiceUri</c> /
/// <c>__tableServiceUri</c> or <c>__accountName</c>, and its credential from the factory, which reads
/// <c>__credential</c> (<c>managedidentity</c>, <c>workloadidentity</c>…), <c>__clientId</c>, <c>__tenantId</c> and the rest
/// of what the host accepts.
/// </summary>
public sealed class StorageConnection
{
    public const string SettingName = "AzureWebJobsStorage";

    /// <summary>
    /// The identity-based settings under <see cref="SettingName"/> that this project sets or documents; the factory reads
    /// the others the Functions host accepts as well.
    /// </summary>
    public static readonly IReadOnlyList<string> IdentitySettings = ["accountName", "blobServiceUri", "queueServiceUri", "tableServiceUri", "credential", "clientId"];

    /// <summary>For connections made outside a host's container (tests, benchmarks, tools).</summary>
    private static readonly Lazy<AzureComponentFactory> StandaloneFactory = new(() =>
    {
        var services = new ServiceCollection();
        services.AddAzureClientsCore();
        return services.BuildServiceProvider().GetRequiredService<AzureComponentFactory>();
    });

    private static readonly string[] Services = ["blob", "queue", "table"];

    private readonly IConfigurationSection section;
    private readonly AzureComponentFactory factory;

    private StorageConnection(IConfigurationSection section, AzureComponentFactory factory, TokenCredential? credential)
    {
        this.section = section;
        this.factory = factory;
        Credential = credential;
    }

    /// <summary>The identity the clients sign in with; null for a connection string, which carries its own key.</summary>
    internal TokenCredential? Credential { get; }

    public static StorageConnection FromConnectionString(string connectionString)
        => FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection([new(SettingName, connectionString)]).Build());

    public static StorageConnection FromConfiguration(IConfiguration configuration) => FromConfiguration(configuration, StandaloneFactory.Value);

    /// <exception cref="InvalidOperationException">Neither a connection string nor an address for every service is set.</exception>
    public static StorageConnection FromConfiguration(IConfiguration configuration, AzureComponentFactory factory)
    {
        var section = configuration.GetSection(SettingName);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new StorageConnection(section, factory, credential: null);
        }

        if (Services.Any(service => ServiceUri(section, service) is null))
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {SettingName} to a connection string (UseDevelopmentStorage=true for Azurite), "
                + $"or {SettingName}__accountName (or __blobServiceUri, __queueServiceUri and __tableServiceUri) for identity-based access.");
        }

        return new StorageConnection(section, factory, factory.CreateTokenCredential(section));
    }

    public QueueServiceClient CreateQueueServiceClient()
    {
        var options = Options<QueueClientOptions>();
        options.MessageEncoding = QueueMessageEncoding.Base64;
        return Create("queue", options, (uri, credential) => new QueueServiceClient(uri, credential, options));
    }

    public BlobServiceClient CreateBlobServiceClient()
    {
        var options = Options<BlobClientOptions>();
        return Create("blob", options, (uri, credential) => new BlobServiceClient(uri, credential, options));
    }

    public TableServiceClient CreateTableServiceClient()
    {
        var options = Options<TableClientOptions>();
        return Create("table", options, (uri, credential) => new TableServiceClient(uri, credential, options));
    }

    private TOptions Options<TOptions>() => (TOptions)factory.CreateClientOptions(typeof(TOptions), serviceVersion: null, section);

    /// <summary>
    /// As the host's <c>StorageClientProvider</c>: a service address from the settings wins over the factory's own reading,
    /// which knows only one <c>serviceUri</c> for every service.
    /// </summary>
    private TClient Create<TClient>(string service, object options, Func<Uri, TokenCredential, TClient> withIdentity)
        => Credential is not null && ServiceUri(section, service) is { } uri
            ? withIdentity(uri, Credential)
            : (TClient)factory.CreateClient(typeof(TClient), section, Credential, options);

    private static Uri? ServiceUri(IConfigurationSection section, string service)
        => section[$"{service}ServiceUri"] is { Length: > 0 } explicitUri ? new Uri(explicitUri)
            : section["accountName"] is { Length: > 0 } account ? new Uri($"https://{account}.{service}.core.windows.net")
            : null;
}
