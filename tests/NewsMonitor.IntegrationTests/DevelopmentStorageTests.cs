using NewsMonitor.Cli.LocalHost;

namespace NewsMonitor.IntegrationTests;

/// <summary>Which <c>AzureWebJobsStorage</c> values are the local development account the CLI may start Azurite for.</summary>
[Trait("Category", "Reliability")]
public sealed class DevelopmentStorageTests
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Case; connection string; the address Azurite would be started on, or null when it is not the development account.</summary>
    public static TheoryData<string, string, string?> ConnectionStrings => new()
    {
        { "the shorthand", "UseDevelopmentStorage=true", "127.0.0.1:10000-10002" },
        { "the shorthand in other case", "usedevelopmentstorage=TRUE;", "127.0.0.1:10000-10002" },
        { "devstoreaccount1 on 127.0.0.1", Development("127.0.0.1", 21000, 21001, 21002), "127.0.0.1:21000-21002" },
        { "devstoreaccount1 on localhost, ports apart", Development("localhost", 21000, 21005, 21003), "127.0.0.1:21000/21005/21003" },
        { "the shorthand turned off", "UseDevelopmentStorage=false", null },
        { "the shorthand through a proxy", "UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://proxy.example", null },
        { "devstoreaccount1 on another machine", Development("devbox.example", 10000, 10001, 10002), null },
        { "devstoreaccount1 over https", Development("127.0.0.1", 10000, 10001, 10002).Replace("http://", "https://", StringComparison.Ordinal), null },
        { "devstoreaccount1 without a table endpoint", Development("127.0.0.1", 10000, 10001, 10002).Replace("TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;", string.Empty, StringComparison.Ordinal), null },
        { "devstoreaccount1 without endpoints (core.windows.net)", $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};", null },
        { "an Azure account", $"DefaultEndpointsProtocol=https;AccountName=newsmonitor;AccountKey={Key};EndpointSuffix=core.windows.net", null },
        { "an Azure account on loopback endpoints", Development("127.0.0.1", 10000, 10001, 10002).Replace("devstoreaccount1", "newsmonitor", StringComparison.Ordinal), null },
        { "nothing", string.Empty, null },
    };

    [Fact]
    public void TheDefaultPortsKeepTheirDataWhereNpmRunAzuriteDoesAndOtherPortsApart()
    {
        var root = Path.Combine(Path.GetTempPath(), "repo");

        Assert.Equal(Path.Combine(root, ".local", "azurite"), DevelopmentStorage.Default.FolderUnder(root));
        Assert.Equal(Path.Combine(root, ".local", "azurite-21000"), new DevelopmentStorage(21000, 21001, 21002).FolderUnder(root));
    }

    private static string Development(string host, int blob, int queue, int table)
        => $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://{host}:{blob}/devstoreaccount1;"
            + $"QueueEndpoint=http://{host}:{queue}/devstoreaccount1;TableEndpoint=http://{host}:{table}/devstoreaccount1;";
}
