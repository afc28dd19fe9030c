using System.Text.Json;
using System.Xml.Linq;

namespace NewsMonitor.InfraTests;

/// <summary>
/// The SDK band and the analyzer level are pinned, so that a newer SDK on a user's machine cannot add analyzer warnings
/// that TreatWarningsAsErrors turns into a failed <c>azd package</c> (docs/deploy.md, Reproducible builds).
/// </summary>
public sealed class ReproducibleBuildTests
{
    [Fact]
    public void GlobalJsonPinsTheSdkFeatureBandAndTakesOnlyItsPatches()
    {
        using var file = JsonDocument.Parse(Repository.ReadText("global.json"));
        var sdk = file.RootElement.GetProperty("sdk");
        var version = Version.Parse(sdk.GetProperty("version").GetString()!);

        Assert.Equal("latestPatch", sdk.GetProperty("rollForward").GetString());
        Assert.False(sdk.GetProperty("allowPrerelease").GetBoolean());
        Assert.Equal(10, version.Major);
        // The feature band is the hundreds of the third number; latestPatch stays inside it.
        Assert.Equal(0, version.Build % 100);
    }

    [Fact]
    public void AnalysisLevelIsAFixedVersionNotLatest()
    {
        var props = XDocument.Parse(Repository.ReadText("Directory.Build.props"));
        var level = props.Descendants("AnalysisLevel").Single().Value;

        Assert.Equal("true", props.Descendants("TreatWarningsAsErrors").Single().Value);
        Assert.Matches(@"^\d+\.\d+-(recommended|minimum|default|all)$", level);
        Assert.StartsWith($"{Environment.Version.Major}.0-", level, StringComparison.Ordinal);
    }
}
