using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace NewsMonitor.Storage;

/// <summary>
/// Creates the storage clients from the same settings the Functions host reads: <c>AzureWebJobsStorage</c> as a
/// connection string (Azurite: <c>UseDevelopmentStorage=true</c>), or identity-based <c>AzureWebJobsStorage__accountName</c>
/// / <c>__blobServiceUri</c> / <c>__queueServiceUri</c> / <c>__tableServiceUri</c> with <c>__credential=managedidentity</c> and <c>__clientId</c>.
/// </summary>
public sealed class StorageConnection
{
    public const string SettingName = "AzureWebJobsStorage";

    private readonly string? connectionString;
    private readonly Uri? blobUri;
    private readonly Uri? queueUri;
    private readonly Uri? tableUri;
    private readonly TokenCredential? credential;

    private StorageConnection(string? connectionString, Uri? blobUri, Uri? queueUri, Uri? tableUri, TokenCredential? credential)
    {
        this.connectionString = connectionString;
        this.blobUri = blobUri;
        this.queueUri = queueUri;
        this.tableUri = tableUri;
        this.credential = credential;
    }

    public static StorageConnection FromConnectionString(string connectionString) => new(connectionString, null, null, null, null);

    public static StorageConnection FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(SettingName);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return FromConnectionString(section.Value);
        }

        var account = section["accountName"];
        var blob = ServiceUri(section, "blobServiceUri", account, "blob");
        var queue = ServiceUri(section, "queueServiceUri", account, "queue");
        var table = ServiceUri(section, "tableServiceUri", account, "table");
        if (blob is null || queue is null || table is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {SettingName} to a connection string (UseDevelopmentStorage=true for Azurite), "
                + $"or {SettingName}__accountName (or __blobServiceUri, __queueServiceUri and __tableServiceUri) for identity-based access.");
        }

        TokenCredential identity = string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(section["clientId"] is { Length: > 0 } clientId ? ManagedIdentityId.FromUserAssignedClientId(clientId) : ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();
        return new StorageConnection(null, blob, queue, table, identity);
    }

    public QueueServiceClient CreateQueueServiceClient()
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return connectionString is not null ? new QueueServiceClient(connectionString, options) : new QueueServiceClient(queueUri, credential, options);
    }

    public BlobServiceClient CreateBlobServiceClient()
        => connectionString is not null ? new BlobServiceClient(connectionString) : new BlobServiceClient(blobUri, credential);

    public TableServiceClient CreateTableServiceClient()
        => connectionString is not null ? new TableServiceClient(connectionString) : new TableServiceClient(tableUri, credential);

    private static Uri? ServiceUri(IConfigurationSection section, string key, string? account, string service)
        => section[key] is { Length: > 0 } explicitUri ? new Uri(explicitUri)
            : account is { Length: > 0 } ? new Uri($"https://{account}.{service}.core.windows.net")
            : null;
}
