using Azure.Identity;
using Microsoft.Extensions.Configuration;
using NewsMonitor.Storage;

namespace NewsMonitor.Tests.Storage;

/// <summary>Every form of <c>AzureWebJobsStorage</c> the Functions host accepts gives clients for the same account.</summary>
public sealed class StorageConnectionTests
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static TheoryData<string, Dictionary<string, string?>, string, string, string> Forms => new()
    {
        {
            "Azurite's connection string",
            new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" },
            "http://127.0.0.1:10000/devstoreaccount1", "http://127.0.0.1:10001/devstoreaccount1", "http://127.0.0.1:10002/devstoreaccount1"
        },
        {
            "an account key connection string",
            new() { ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=https;AccountName=stnews;AccountKey={AccountKey};EndpointSuffix=core.windows.net" },
            "https://stnews.blob.core.windows.net/", "https://stnews.queue.core.windows.net/", "https://stnews.table.core.windows.net/"
        },
        {
            "an account name with a user-assigned managed identity",
            new() { ["AzureWebJobsStorage:accountName"] = "stnews", ["AzureWebJobsStorage:credential"] = "managedidentity", ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001" },
            "https://stnews.blob.core.windows.net/", "https://stnews.queue.core.windows.net/", "https://stnews.table.core.windows.net/"
        },
        {
            "a service address for each service, as the Bicep sets them",
            new()
            {
                ["AzureWebJobsStorage:blobServiceUri"] = "https://stnews.blob.core.windows.net",
                ["AzureWebJobsStorage:queueServiceUri"] = "https://stnews.queue.core.windows.net",
                ["AzureWebJobsStorage:tableServiceUri"] = "https://stnews.table.core.windows.net",
                ["AzureWebJobsStorage:credential"] = "managedidentity",
            },
            "https://stnews.blob.core.windows.net/", "https://stnews.queue.core.windows.net/", "https://stnews.table.core.windows.net/"
        },
        {
            "service addresses that win over the account name",
            new() { ["AzureWebJobsStorage:accountName"] = "other", ["AzureWebJobsStorage:blobServiceUri"] = "https://stnews.blob.core.windows.net", ["AzureWebJobsStorage:queueServiceUri"] = "https://stnews.queue.core.windows.net", ["AzureWebJobsStorage:tableServiceUri"] = "https://stnews.table.core.windows.net" },
            "https://stnews.blob.core.windows.net/", "https://stnews.queue.core.windows.net/", "https://stnews.table.core.windows.net/"
        },
    };

    public static TheoryData<string, Dictionary<string, string?>, Type?> Credentials => new()
    {
        { "a connection string carries its own key", new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }, null },
        { "credential=managedidentity with a client id", new() { ["AzureWebJobsStorage:accountName"] = "stnews", ["AzureWebJobsStorage:credential"] = "managedidentity", ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001" }, typeof(ManagedIdentityCredential) },
        { "credential=managedidentity, system-assigned", new() { ["AzureWebJobsStorage:accountName"] = "stnews", ["AzureWebJobsStorage:credential"] = "managedidentity" }, typeof(ManagedIdentityCredential) },
        {
            "credential=workloadidentity with a tenant and a client id",
            new() { ["AzureWebJobsStorage:accountName"] = "stnews", ["AzureWebJobsStorage:credential"] = "workloadidentity", ["AzureWebJobsStorage:tenantId"] = "00000000-0000-0000-0000-000000000002", ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001", ["AzureWebJobsStorage:tokenFilePath"] = "/var/run/secrets/token" },
            typeof(WorkloadIdentityCredential)
        },
        { "no credential setting: the default chain", new() { ["AzureWebJobsStorage:accountName"] = "stnews" }, typeof(DefaultAzureCredential) },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void EachFormReachesTheSameServices(string form, Dictionary<string, string?> settings, string blob, string queue, string table)
    {
        var connection = StorageConnection.FromConfiguration(Configuration(settings));

        Assert.True(blob == connection.CreateBlobServiceClient().Uri.AbsoluteUri, form);
        Assert.True(queue == connection.CreateQueueServiceClient().Uri.AbsoluteUri, form);
        Assert.True(table == connection.CreateTableServiceClient().Uri.AbsoluteUri, form);
    }

    [Theory]
    [MemberData(nameof(Credentials))]
    public void TheCredentialIsTheOneTheSettingsName(string form, Dictionary<string, string?> settings, Type? credential)
    {
        var connection = StorageConnection.FromConfiguration(Configuration(settings));

        Assert.True(credential == connection.Credential?.GetType(), $"{form}: {connection.Credential?.GetType().Name ?? "none"}");
    }

    [Fact]
    public void NoStorageSettingIsAnErrorThatNamesTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.FromConfiguration(Configuration(new() { ["AzureWebJobsStorage:credential"] = "managedidentity" })));

        Assert.Contains("AzureWebJobsStorage__accountName", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
