using System.Globalization;
using Microsoft.Extensions.Configuration;
using NewsMonitor.Storage;

namespace NewsMonitor.Cli.LocalHost;

/// <summary>
/// The local development account (Azurite's <c>devstoreaccount1</c>) and its three loopback ports, recognised in
/// <c>AzureWebJobsStorage</c>: <c>UseDevelopmentStorage=true</c> (ports 10000-10002), or a devstoreaccount1 connection
/// string whose blob, queue and table endpoints are all <c>http://127.0.0.1</c> or <c>http://localhost</c>.
/// </summary>
internal sealed record DevelopmentStorage(int BlobPort, int QueuePort, int TablePort)
{
    public const string AccountName = "devstoreaccount1";

    public static DevelopmentStorage Default { get; } = new(10000, 10001, 10002);

    /// <summary>"127.0.0.1:10000-10002", or the three ports when they do not follow each other.</summary>
    public string Address => BlobPort + 1 == QueuePort && QueuePort + 1 == TablePort
        ? string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{BlobPort}-{TablePort}")
        : string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{BlobPort}/{QueuePort}/{TablePort}");

    public IReadOnlyList<int> Ports => [BlobPort, QueuePort, TablePort];

    /// <summary>
    /// Where the Azurite for these ports keeps its data, log and pid: <c>.local/azurite</c> for the default ports (the
    /// folder <c>npm run azurite</c> uses), <c>.local/azurite-PORT</c> for others, so two Azurites never share data.
    /// </summary>
    public string FolderUnder(string repositoryRoot)
        => Path.Combine(repositoryRoot, ".local", this == Default ? "azurite" : string.Create(CultureInfo.InvariantCulture, $"azurite-{BlobPort}"));

    /// <summary>The local development account <c>AzureWebJobsStorage</c> names, or null for any other storage.</summary>
    public static DevelopmentStorage? From(IConfiguration configuration)
        => Parse(configuration.GetSection(StorageConnection.SettingName).Value);

    /// <summary>The local development account this connection string names, or null for any other (or none).</summary>
    public static DevelopmentStorage? Parse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Values (the account key) may hold '=': only the first one separates.
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                settings[part[..equals].Trim()] = part[(equals + 1)..].Trim();
            }
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var development))
        {
            // A proxy sends the development account's requests elsewhere: not ours to start.
            return string.Equals(development, "true", StringComparison.OrdinalIgnoreCase) && !settings.ContainsKey("DevelopmentStorageProxyUri") ? Default : null;
        }

        if (!settings.TryGetValue("AccountName", out var account) || account != AccountName)
        {
            return null;
        }

        // Without all three endpoints the SDK builds the missing ones on core.windows.net: not local.
        return LoopbackPort(settings, "BlobEndpoint") is { } blob && LoopbackPort(settings, "QueueEndpoint") is { } queue && LoopbackPort(settings, "TableEndpoint") is { } table
            ? new DevelopmentStorage(blob, queue, table)
            : null;
    }

    private static int? LoopbackPort(Dictionary<string, string> settings, string key)
        => settings.TryGetValue(key, out var value)
            && Uri.TryCreate(value, UriKind.Absolute, out var endpoint)
            && endpoint.Scheme == Uri.UriSchemeHttp
            && endpoint.Host is "127.0.0.1" or "localhost"
            && endpoint.AbsolutePath.TrimEnd('/') == "/" + AccountName
            ? endpoint.Port
            : null;
}
