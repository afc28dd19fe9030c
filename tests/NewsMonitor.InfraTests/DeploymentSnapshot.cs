using System.Text.Json;

namespace NewsMonitor.InfraTests;

/// <summary>The resources <c>bicep snapshot</c> predicts for one set of parameters, with its diagnostics.</summary>
public sealed class DeploymentSnapshot(JsonElement root)
{
    public IReadOnlyList<JsonElement> Resources { get; } = root.GetProperty("predictedResources").EnumerateArray().ToList();

    public IReadOnlyList<string> Diagnostics { get; } = root.GetProperty("diagnostics").EnumerateArray().Select(d => d.ToString()).ToList();

    public IEnumerable<JsonElement> OfType(string type) => Resources.Where(r => string.Equals(r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase));

    public JsonElement Resource(string type) => OfType(type).Single();

    public IReadOnlyList<string> Names(string type) => OfType(type).Select(r => r.GetProperty("name").GetString()!).ToList();

    /// <summary>The Function App's app settings.</summary>
    internal IReadOnlyList<AppSetting> AppSettings => AppSetting.Read(
        OfType("Microsoft.Web/sites/config").Single(r => r.GetProperty("name").GetString()!.EndsWith("/appsettings", StringComparison.Ordinal)).GetProperty("properties"));

    internal AppSetting Setting(string name) => AppSettings.Single(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}
