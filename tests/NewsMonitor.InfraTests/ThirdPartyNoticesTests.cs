using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NewsMonitor.InfraTests;

/// <summary>
/// THIRD-PARTY-NOTICES.md names every package the shipped programs (the Functions app and the <c>monitor</c> tool)
/// restore, directly or not, with its licence: a package added or upgraded without its notice fails here, and the
/// message holds the rows to paste.
/// </summary>
public sealed partial class ThirdPartyNoticesTests
{
    private static readonly string[] ShippedProjects = ["src/NewsMonitor.Functions", "src/NewsMonitor.Cli"];

    [Fact]
    public void EveryPackageTheShippedProgramsRestoreHasARowWithItsLicence()
    {
        var rows = NoticeRows();
        var missing = Restored()
            .Where(package => !rows.TryGetValue((package.Name, package.Version), out var licence) || (package.Licence is { } declared && declared != licence))
            .Select(package => $"| {package.Name} | {package.Version} | {package.Licence ?? "(see the package's licence file)"} |")
            .ToList();

        Assert.True(missing.Count == 0, "THIRD-PARTY-NOTICES.md lacks (or names another licence for):\n" + string.Join('\n', missing));
    }

    [Fact]
    public void EveryRowIsAPackageTheShippedProgramsRestore()
    {
        var restored = Restored().Select(package => (package.Name, package.Version)).ToHashSet();

        var stale = NoticeRows().Keys.Where(row => !restored.Contains(row)).ToList();

        Assert.True(stale.Count == 0, "THIRD-PARTY-NOTICES.md lists packages no shipped program restores: " + string.Join(", ", stale));
    }

    /// <summary>Packages of the restore graphs, with the SPDX expression their nuspec declares (null for a licence file).</summary>
    private static IEnumerable<(string Name, string Version, string? Licence)> Restored()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var project in ShippedProjects)
        {
            using var assets = JsonDocument.Parse(File.ReadAllText(Repository.File(project, "obj", "project.assets.json")));
            var folder = assets.RootElement.GetProperty("packageFolders").EnumerateObject().First().Name;
            foreach (var library in assets.RootElement.GetProperty("libraries").EnumerateObject())
            {
                if (library.Value.GetProperty("type").GetString() != "package" || !seen.Add(library.Name))
                {
                    continue;
                }

                var (name, version) = (library.Name.Split('/')[0], library.Name.Split('/')[1]);
                var nuspec = Path.Combine(folder, library.Value.GetProperty("path").GetString()!, name.ToLowerInvariant() + ".nuspec");
                yield return (name, version, LicenceExpression(nuspec));
            }
        }
    }

    private static string? LicenceExpression(string nuspec)
    {
        var license = XDocument.Load(nuspec).Descendants().FirstOrDefault(e => e.Name.LocalName == "license");
        return license?.Attribute("type")?.Value == "expression" ? license.Value.Trim() : null;
    }

    private static Dictionary<(string, string), string> NoticeRows()
        => Row().Matches(Repository.ReadText("THIRD-PARTY-NOTICES.md"))
            .ToDictionary(m => (m.Groups["name"].Value, m.Groups["version"].Value), m => m.Groups["licence"].Value);

    [GeneratedRegex(@"^\| (?<name>[A-Za-z0-9.\-_]+) \| (?<version>[0-9][^ |]*) \| (?<licence>[^|]+?) \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
