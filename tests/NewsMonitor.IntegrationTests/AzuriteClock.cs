using System.Globalization;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// A clock for an Azurite started with <see cref="Environment"/>: moving it forward ends queue leases and blob leases as
/// the same time passing would. The queue listener receives with a fixed 10-minute lease that no setting shortens, so
/// tests of what a dead worker held move Azurite's clock instead of waiting ten minutes.
/// </summary>
internal sealed class AzuriteClock : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "newsmonitor-tests", "azurite-clock-" + Guid.NewGuid().ToString("N")[..8]);
    private TimeSpan ahead;

    public AzuriteClock()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "0");
    }

    /// <summary>The node process's environment that loads the clock (azurite-clock.cjs) into Azurite.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["NODE_OPTIONS"] = $"--require \"{Path.Combine(AppContext.BaseDirectory, "azurite-clock.cjs")}\"",
        ["AZURITE_CLOCK_FILE"] = file,
    };

    public async Task AdvanceAsync(TimeSpan by)
    {
        ahead += by;
        await File.WriteAllTextAsync(file, ahead.TotalMilliseconds.ToString(CultureInfo.InvariantCulture));

        // Azurite reads the file every 50 ms.
        await Task.Delay(TimeSpan.FromMilliseconds(300));
    }

    public void Dispose() => File.Delete(file);
}
