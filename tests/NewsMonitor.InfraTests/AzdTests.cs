using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsMonitor.InfraTests;

/// <summary>azure.yaml, infra/main.parameters.json and the hook scripts, against main.bicep.</summary>
[Collection(SharedBicepRuns.Name)]
public sealed partial class AzdTests(InfraFixture infra)
{
    private static readonly string[] RequiredOutputs =
    [
        "AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_RESOURCE_GROUP", "AZURE_FUNCTION_APP_NAME", "AZURE_STORAGE_ACCOUNT_NAME",
        "AZURE_STORAGE_BLOB_ENDPOINT", "AZURE_STORAGE_QUEUE_ENDPOINT", "AZURE_STORAGE_TABLE_ENDPOINT", "AZURE_STORAGE_CONFIG_CONTAINER",
        "AZURE_KEY_VAULT_NAME",
    ];

    /// <summary>Variables azd sets itself (the rest in the hooks must be outputs of main.bicep).</summary>
    private static readonly string[] AzdVariables = ["AZURE_ENV_NAME", "AZURE_LOCATION", "AZURE_SUBSCRIPTION_ID", "AZURE_PRINCIPAL_ID", "AZURE_PRINCIPAL_TYPE"];

    [Fact]
    public void AzureYamlDeploysTheFunctionsProjectAsAFunctionApp()
    {
        var yaml = YamlPaths(Repository.ReadText("azure.yaml"));

        Assert.Equal("bicep", yaml["infra.provider"]);
        Assert.Equal("infra", yaml["infra.path"]);
        Assert.Equal("main", yaml["infra.module"]);
        var service = Assert.Single(yaml.Keys, k => k.StartsWith("services.", StringComparison.Ordinal) && k.EndsWith(".project", StringComparison.Ordinal));
        var name = service.Split('.')[1];
        Assert.Equal("./src/NewsMonitor.Functions", yaml[service]);
        Assert.Equal("dotnet", yaml[$"services.{name}.language"]);
        Assert.Equal("function", yaml[$"services.{name}.host"]);
        Assert.Contains("<AzureFunctionsVersion>v4</AzureFunctionsVersion>", Repository.ReadText("src", "NewsMonitor.Functions", "NewsMonitor.Functions.csproj"), StringComparison.Ordinal);
        // azd finds the app to deploy by this tag.
        Assert.Equal(name, infra.Defaults.Resource("Microsoft.Web/sites").GetProperty("tags").GetProperty("azd-service-name").GetString());
    }

    [Fact]
    public void PostprovisionPushesTheSeedsToTheConfigContainer()
    {
        var yaml = YamlPaths(Repository.ReadText("azure.yaml"));
        var scripts = new[] { yaml["hooks.postprovision.posix.run"], yaml["hooks.postprovision.windows.run"] };

        Assert.Equal("sh", yaml["hooks.postprovision.posix.shell"]);
        Assert.Equal("pwsh", yaml["hooks.postprovision.windows.shell"]);
        foreach (var script in scripts)
        {
            var text = Repository.ReadText(script.TrimStart('.', '/').Split('/'));
            Assert.Matches(@"dotnet run --project ""\$root/src/NewsMonitor\.Cli"" -- config push", text);
            Assert.Matches(@"AzureWebJobsStorage__blobServiceUri\s*=\s*""?\$(env:)?\{?AZURE_STORAGE_BLOB_ENDPOINT", text);
            Assert.Matches(@"Monitor__ConfigContainer\s*=", text);
        }
    }

    [Fact]
    public void EveryHookRunsAnExistingScriptOnBothPlatforms()
    {
        var yaml = YamlPaths(Repository.ReadText("azure.yaml"));
        var hooks = yaml.Keys.Where(k => k.StartsWith("hooks.", StringComparison.Ordinal)).Select(k => k.Split('.')[1]).Distinct().ToList();

        Assert.Equal(["postprovision", "preprovision"], hooks.Order(StringComparer.Ordinal));
        foreach (var hook in hooks)
        {
            Assert.Equal("sh", yaml[$"hooks.{hook}.posix.shell"]);
            Assert.Equal("pwsh", yaml[$"hooks.{hook}.windows.shell"]);
            Assert.Equal("false", yaml[$"hooks.{hook}.posix.continueOnError"]);
            Assert.Equal("false", yaml[$"hooks.{hook}.windows.continueOnError"]);
        }

        Assert.All(HookScripts(yaml), script => Assert.True(File.Exists(Repository.File(script.Split('/'))), $"azure.yaml or a hook runs {script}, which does not exist"));
    }

    /// <summary>Before the first provisioning there are no outputs: preprovision may read only what azd itself sets.</summary>
    [Fact]
    public void HookScriptsReadOnlyVariablesAzdOrTheOutputsSet()
    {
        var yaml = YamlPaths(Repository.ReadText("azure.yaml"));
        var outputs = infra.Template.GetProperty("outputs").EnumerateObject().Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var preprovision = HookScripts(yaml, "preprovision").ToHashSet(StringComparer.Ordinal);

        foreach (var script in HookScripts(yaml))
        {
            var text = Repository.ReadText(script.Split('/'));
            var available = preprovision.Contains(script) ? [] : outputs;
            Assert.All(
                AzureVariable().Matches(text).Select(m => m.Value).Distinct(),
                variable => Assert.True(available.Contains(variable) || AzdVariables.Contains(variable), $"{script} reads {variable}, which {(preprovision.Contains(script) ? "azd does not set before provisioning" : "neither azd nor main.bicep's outputs set")}"));
        }
    }

    [Fact]
    public void PreprovisionSuppliesTheAppRegistrationTheParametersFilePasses()
    {
        var yaml = YamlPaths(Repository.ReadText("azure.yaml"));
        Assert.Equal("\"${AUTH_CLIENT_ID}\"", AzdParameters.Written["authClientId"]);
        Assert.False(infra.Template.GetProperty("parameters").GetProperty("authClientId").TryGetProperty("defaultValue", out _));
        foreach (var script in HookScripts(yaml, "preprovision"))
        {
            var text = Repository.ReadText(script.Split('/'));
            Assert.Matches(@"azd env set AUTH_CLIENT_ID ""?\$", text);
            // Single tenant, and ID tokens: Easy Auth signs in without a client secret (AuthTests).
            Assert.Matches(@"--sign-in-audience'?,? '?AzureADMyOrg", text);
            Assert.Matches(@"--enable-id-token-issuance'?,? '?true", text);
        }
    }

    [Fact]
    public void PostprovisionRegistersTheAppsSignInCallback()
    {
        var yaml = YamlPaths(Repository.ReadText("azure.yaml"));
        var auth = DeploymentTests.Properties(infra.Defaults.OfType("Microsoft.Web/sites/config").Single(r => r.GetProperty("name").GetString()!.EndsWith("/authsettingsV2", StringComparison.Ordinal)));
        var callback = auth.GetProperty("httpSettings").GetProperty("routes").GetProperty("apiPrefix").GetString() + "/login/aad/callback";
        var redirectScripts = HookScripts(yaml, "postprovision").Where(s => s.Contains("signin-redirect", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, redirectScripts.Count);
        foreach (var script in redirectScripts)
        {
            var text = Repository.ReadText(script.Split('/'));
            Assert.Contains($"AZURE_FUNCTION_APP_URL/{callback.TrimStart('/')}", text, StringComparison.Ordinal);
            Assert.Contains("--web-redirect-uris", text, StringComparison.Ordinal);
        }
    }

    /// <summary>The scripts azure.yaml runs for <paramref name="hook"/> (all hooks when null), and the scripts they run.</summary>
    private static List<string> HookScripts(Dictionary<string, string> yaml, string? hook = null)
    {
        var scripts = yaml.Where(p => p.Key.StartsWith($"hooks.{hook}", StringComparison.Ordinal) && p.Key.EndsWith(".run", StringComparison.Ordinal))
            .Select(p => p.Value.TrimStart('.', '/'))
            .ToList();
        for (var i = 0; i < scripts.Count; i++)
        {
            var directory = scripts[i][..(scripts[i].LastIndexOf('/') + 1)];
            var text = File.Exists(Repository.File(scripts[i].Split('/'))) ? Repository.ReadText(scripts[i].Split('/')) : string.Empty;
            scripts.AddRange(CalledScript().Matches(text).Select(m => directory + m.Groups["name"].Value).Where(s => !scripts.Contains(s)));
        }

        return scripts;
    }

    [Fact]
    public void OutputsAreUpperSnakeForAzd()
    {
        var outputs = infra.Template.GetProperty("outputs").EnumerateObject().Select(o => o.Name).ToList();

        Assert.All(outputs, name => Assert.Matches("^[A-Z][A-Z0-9_]*$", name));
        Assert.All(RequiredOutputs, name => Assert.Contains(name, outputs));
    }

    [Fact]
    public void ParametersFileFeedsEveryRequiredParameterAndRepeatsTheDefaults()
    {
        var given = AzdParameters.Written.ToDictionary(p => p.Key, p => p.Value.Trim('"'));
        var declared = infra.Template.GetProperty("parameters");

        Assert.Equal("${AZURE_ENV_NAME}", given["environmentName"]);
        Assert.Equal("${AZURE_LOCATION}", given["location"]);
        Assert.Equal("${AZURE_PRINCIPAL_ID}", given["principalId"]);
        Assert.All(given.Keys, name => Assert.True(declared.TryGetProperty(name, out _), $"main.parameters.json sets {name}, which main.bicep does not declare"));
        foreach (var parameter in declared.EnumerateObject())
        {
            if (!parameter.Value.TryGetProperty("defaultValue", out var defaultValue))
            {
                Assert.True(given.ContainsKey(parameter.Name), $"main.bicep requires {parameter.Name}; main.parameters.json does not set it");
                continue;
            }

            if (given.TryGetValue(parameter.Name, out var value) && AzdDefault().Match(value) is { Success: true } match)
            {
                var expected = defaultValue.ValueKind == JsonValueKind.String ? defaultValue.GetString() : defaultValue.GetRawText();
                Assert.True(expected == match.Groups[1].Value, $"{parameter.Name}: main.parameters.json defaults to \"{match.Groups[1].Value}\", main.bicep to \"{expected}\"");
            }
        }
    }

    /// <summary>The scalar values of a YAML file of nested mappings, by dotted path (enough for azure.yaml).</summary>
    private static Dictionary<string, string> YamlPaths(string yaml)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = new List<(int Indent, string Key)>();
        foreach (var raw in yaml.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var content = line.TrimStart();
            if (content.Length == 0 || content.StartsWith('#') || content.StartsWith('-'))
            {
                continue;
            }

            var indent = line.Length - content.Length;
            var colon = content.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            path.RemoveAll(p => p.Indent >= indent);
            var key = content[..colon].Trim();
            var value = content[(colon + 1)..].Trim();
            path.Add((indent, key));
            if (value.Length > 0)
            {
                values[string.Join('.', path.Select(p => p.Key))] = value.Trim('"', '\'');
            }
        }

        return values;
    }

    /// <summary><c>sh "$(dirname "$0")/x.sh"</c> or <c>&amp; "$PSScriptRoot/x.ps1"</c>: a script in the same folder.</summary>
    [GeneratedRegex(@"(\$\(dirname ""\$0""\)|\$PSScriptRoot)/(?<name>[\w.-]+\.(sh|ps1))")]
    private static partial Regex CalledScript();

    [GeneratedRegex(@"\bAZURE_[A-Z0-9_]+\b")]
    private static partial Regex AzureVariable();

    [GeneratedRegex(@"^\$\{[A-Z0-9_]+=(.*)\}$")]
    private static partial Regex AzdDefault();
}
