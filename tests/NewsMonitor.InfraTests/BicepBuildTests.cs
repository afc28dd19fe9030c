using System.Text.RegularExpressions;

namespace NewsMonitor.InfraTests;

[Collection(SharedBicepRuns.Name)]
public sealed partial class BicepBuildTests(InfraFixture infra)
{
    [Fact]
    public void MainBicepBuildsWithoutAnyDiagnostic()
    {
        Assert.True(infra.Build.ExitCode == 0, infra.Build.ToString());
        Assert.True(infra.Build.Diagnostics.Count == 0, infra.Build.ToString());
        Assert.Contains("subscriptionDeploymentTemplate.json", infra.Template.GetProperty("$schema").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LintFindsNothingInMainOrAnyModule()
    {
        Assert.True(infra.Lint.ExitCode == 0, infra.Lint.ToString());
        Assert.True(infra.Lint.Diagnostics.Count == 0, infra.Lint.ToString());
    }

    [Fact]
    public void EveryModuleIsDeployedByMain()
    {
        var main = File.ReadAllText(Repository.MainBicep);
        var used = ModuleReference().Matches(main).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        var modules = Directory.EnumerateFiles(Path.Combine(Repository.Infra, "app"), "*.bicep").Select(f => "app/" + Path.GetFileName(f));

        Assert.All(modules, module => Assert.True(used.Contains(module), $"{module} is not a module of main.bicep, so nothing deploys it"));
    }

    [Fact]
    public async Task LintTurnsAWarningIntoAFailure()
    {
        // The harness itself: infra/bicepconfig.json is picked up and a finding fails the run.
        var directory = Directory.CreateTempSubdirectory("newsmonitor-lint-");
        try
        {
            File.Copy(Path.Combine(Repository.Infra, "bicepconfig.json"), Path.Combine(directory.FullName, "bicepconfig.json"));
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "unused.bicep"), "param unused string\n");

            var result = await BicepCli.RunAsync(directory.FullName, "lint", "unused.bicep");

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains(result.Diagnostics, line => line.Contains("no-unused-params", StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void SnapshotsExpandEverythingButTheSecretsLoop()
    {
        // Bicep cannot count a loop over a secure parameter before the deployment starts, so the module that creates
        // the secrets stays unexpanded (secrets.bicep says why it is a module of its own); nothing else may.
        foreach (var snapshot in new[] { infra.Defaults, infra.WithKnobs })
        {
            Assert.All(snapshot.Diagnostics, diagnostic => Assert.Matches(@"NestedDeploymentShortCircuited: The nested deployment '[^']*/deployments/secrets'", diagnostic));
        }
    }

    [GeneratedRegex(@"^module \w+ '([^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModuleReference();
}
