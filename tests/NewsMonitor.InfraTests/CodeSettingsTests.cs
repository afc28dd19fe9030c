using Xunit.Abstractions;

namespace NewsMonitor.InfraTests;

public sealed class CodeSettingsTests(ITestOutputHelper output)
{
    /// <summary>A guard on the reflection and source scans: if they found nothing, the coverage tests would pass vacuously.</summary>
    [Theory]
    [InlineData("PollSchedule")]
    [InlineData("DigestSchedule")]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("AzureWebJobsStorage")]
    [InlineData("AzureWebJobsStorage:accountName")]
    [InlineData("AzureWebJobsStorage:blobServiceUri")]
    [InlineData("AzureWebJobsStorage:queueServiceUri")]
    [InlineData("AzureWebJobsStorage:tableServiceUri")]
    [InlineData("AzureWebJobsStorage:credential")]
    [InlineData("AzureWebJobsStorage:clientId")]
    [InlineData("Monitor:WatchlistPath")]
    [InlineData("Monitor:PollInterval")]
    [InlineData("Monitor:StoragePrefix")]
    [InlineData("Monitor:ConfigContainer")]
    [InlineData("Monitor:Http:AllowPrivateNetworks")]
    [InlineData("Monitor:Http:UserAgent")]
    public void TheScanFindsTheSettingsTheCodeIsKnownToRead(string setting)
    {
        Assert.Contains(setting, CodeSettings.All.Keys, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheOptionsClassesAreFoundWithTheirSections()
    {
        var classes = CodeSettings.OptionsClasses().ToList();

        output.WriteLine(string.Join('\n', CodeSettings.All.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}  <- {s.Value}")));
        Assert.Contains(classes, c => c.Type.Name == "MonitorOptions" && c.Section == "Monitor");
        Assert.Contains(classes, c => c.Type.Name == "OutboundHttpOptions" && c.Section == "Monitor:Http");
    }
}
