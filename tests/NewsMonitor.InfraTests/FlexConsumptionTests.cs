using System.Text.Json;

namespace NewsMonitor.InfraTests;

/// <summary>
/// The Function App as Flex Consumption takes it: only site properties the plan accepts (infra/README.md lists what was
/// dropped and the sources), the settings for the known platform issues, and only regions that offer the plan.
/// </summary>
[Collection(SharedBicepRuns.Name)]
public sealed class FlexConsumptionTests(InfraFixture infra)
{
    /// <summary>
    /// siteConfig properties Flex Consumption refuses with ARM error 51021 ("… for Flex Consumption sites is invalid";
    /// older regional stamps ignore them, newer ones refuse them), or moved to functionAppConfig; each with its source.
    /// </summary>
    public static TheoryData<string, string> RejectedSiteConfig => new()
    {
        { "ftpsState", "ARM 51021 list, Azure/azure-cli#31414" },
        { "use32BitWorkerProcess", "ARM 51021 list, Azure/azure-cli#31414" },
        { "preWarmedInstanceCount", "ARM 51021 list, Azure/azure-cli#31414; functionAppConfig.scaleAndConcurrency.alwaysReady instead" },
        { "netFrameworkVersion", "ARM 51021 list, Azure/azure-cli#31414; functionAppConfig.runtime instead" },
        { "functionsRuntimeScaleMonitoringEnabled", "ARM 51021 list, Azure/azure-cli#31414" },
        { "linuxFxVersion", "ARM 51021, Azure/terraform-azurerm-avm-res-web-site#283; functionAppConfig.runtime instead" },
        { "windowsFxVersion", "Flex Consumption is Linux only (Azure/terraform-azurerm-avm-res-web-site#345)" },
        { "javaVersion", "functionAppConfig.runtime instead (Azure/terraform-azurerm-avm-res-web-site#345)" },
        { "powerShellVersion", "functionAppConfig.runtime instead (Azure/terraform-azurerm-avm-res-web-site#345)" },
        { "functionAppScaleLimit", "functionAppConfig.scaleAndConcurrency.maximumInstanceCount instead (Azure/terraform-azurerm-avm-res-web-site#345)" },
        { "minimumElasticInstanceCount", "evidence mixed (Azure/terraform-azurerm-avm-res-web-site#353), no Flex sample sets it" },
    };

    [Theory]
    [MemberData(nameof(RejectedSiteConfig))]
    public void TheSiteSetsNoSiteConfigPropertyFlexConsumptionRejects(string property, string source)
    {
        foreach (var snapshot in new[] { infra.Defaults, infra.WithKnobs })
        {
            var siteConfig = Site(snapshot).GetProperty("siteConfig");

            Assert.False(siteConfig.TryGetProperty(property, out _), $"siteConfig.{property} is set; Flex Consumption refuses it ({source})");
        }

        Assert.DoesNotContain(infra.Defaults.OfType("Microsoft.Web/sites/config"), c => c.GetProperty("name").GetString()!.EndsWith("/web", StringComparison.Ordinal));
    }

    /// <summary>The official Flex samples send siteConfig with alwaysOn: false and nothing else; so does function.bicep.</summary>
    [Fact]
    public void SiteConfigIsWhatTheOfficialFlexSamplesSend()
    {
        var siteConfig = Site(infra.Defaults).GetProperty("siteConfig");

        Assert.Equal(["alwaysOn"], siteConfig.EnumerateObject().Select(p => p.Name));
        Assert.False(siteConfig.GetProperty("alwaysOn").GetBoolean());
    }

    /// <summary>App Service knobs no Flex sample or document shows as accepted: left to the platform defaults.</summary>
    [Theory]
    [InlineData("http20Enabled")]
    [InlineData("scmMinTlsVersion")]
    [InlineData("minTlsVersion")]
    public void UnverifiedSiteConfigPropertiesAreLeftToThePlatform(string property)
    {
        Assert.False(Site(infra.Defaults).GetProperty("siteConfig").TryGetProperty(property, out _));
    }

    [Fact]
    public void NoFtpPolicyOnAnAppWithoutFtp()
    {
        Assert.DoesNotContain(infra.Defaults.Names("Microsoft.Web/sites/basicPublishingCredentialsPolicies"), n => n.EndsWith("/ftp", StringComparison.Ordinal));
    }

    /// <summary>Azure/azure-functions-dotnet-worker#3335: .NET 10 workers on Flex crash with SIGSEGV; the workaround there.</summary>
    [Fact]
    public void DotnetIsolatedStartsWithoutAPlaceholder()
    {
        Assert.Equal("0", infra.Defaults.Setting("WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED").Literal);
        Assert.Equal("0", infra.WithKnobs.Setting("WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED").Literal);
    }

    [Fact]
    public void OnlyRegionsThatOfferFlexConsumptionAreAccepted()
    {
        var location = infra.Template.GetProperty("parameters").GetProperty("location");
        var allowed = location.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()!).ToList();
        var readme = Repository.ReadText("infra", "README.md");

        Assert.Contains("westeurope", allowed);
        Assert.Contains("swedencentral", allowed);
        // Canary (EUAP) regions take only allow-listed subscriptions.
        Assert.DoesNotContain(allowed, region => region.EndsWith("euap", StringComparison.Ordinal));
        Assert.Equal(allowed.Order(StringComparer.Ordinal), allowed);
        Assert.All(allowed, region => Assert.Contains($"`{region}`", readme, StringComparison.Ordinal));
    }

    /// <summary>The lowest maximum Flex Consumption accepts is now 1 (it was 40 in the preview).</summary>
    [Fact]
    public void MaximumInstanceCountGoesDownToOne()
    {
        var parameter = infra.Template.GetProperty("parameters").GetProperty("maximumInstanceCount");

        Assert.Equal(1, parameter.GetProperty("minValue").GetInt32());
        Assert.Equal(1000, parameter.GetProperty("maxValue").GetInt32());
    }

    /// <summary>
    /// The build is the schema check: Bicep holds every property against the resource provider's types for the API
    /// version used and reports one it does not know (BCP037, BCP089), which fails MainBicepBuildsWithoutAnyDiagnostic.
    /// Shown here on a copy of infra/ with one unknown property planted in a module.
    /// </summary>
    [Fact]
    public async Task APropertyTheApiVersionDoesNotKnowFailsTheBuild()
    {
        var copy = Directory.CreateTempSubdirectory("newsmonitor-schema-");
        try
        {
            CopyDirectory(Repository.Infra, copy.FullName);
            var function = Path.Combine(copy.FullName, "app", "function.bicep");
            var text = await File.ReadAllTextAsync(function);
            await File.WriteAllTextAsync(function, text.Replace("    httpsOnly: true\n", "    httpsOnly: true\n    ftpsStateDisabled: true\n", StringComparison.Ordinal));

            var result = await BicepCli.RunAsync(copy.FullName, "build", "main.bicep", "--stdout");

            Assert.Contains(result.Diagnostics, d => d.Contains("BCP037", StringComparison.Ordinal) && d.Contains("ftpsStateDisabled", StringComparison.Ordinal));
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    /// <summary>
    /// what-if-style evidence without Azure: every resource of the compiled ARM template (main and every module) is held
    /// against its resource provider's published type at the API version it uses (the types the Bicep CLI ships), and
    /// no property is unknown. A GA version each. The schema knows ftpsState (other plans take it): that Flex refuses it
    /// is what TheSiteSetsNoSiteConfigPropertyFlexConsumptionRejects is for.
    /// </summary>
    [Fact]
    public void EveryPropertyOfTheArmTemplateIsKnownToItsApiVersion()
    {
        var resources = AllResources(infra.Template).Where(r => !r.TryGetProperty("existing", out var existing) || !existing.GetBoolean()).ToList();

        Assert.True(resources.Count > 30, $"only {resources.Count} resources found in the template");
        Assert.All(resources, r =>
        {
            var (type, version) = (r.GetProperty("type").GetString()!, r.GetProperty("apiVersion").GetString()!);
            Assert.True(ResourceSchema.Knows(type, version), $"{type}@{version} is not in the published types");
            Assert.DoesNotContain("preview", version, StringComparison.OrdinalIgnoreCase);
            Assert.Empty(ResourceSchema.UnknownProperties(r));
        });
    }

    public static TheoryData<string, string> UnknownPropertyRows => new()
    {
        { """{ "type": "Microsoft.Web/sites", "apiVersion": "2024-11-01", "name": "f", "properties": { "siteConfig": { "ftpsStateX": "Disabled" } } }""", "Microsoft.Web/sites.properties.siteConfig.ftpsStateX" },
        { """{ "type": "Microsoft.Web/sites", "apiVersion": "2024-11-01", "name": "f", "properties": { "functionAppConfig": { "runtime": { "name": "dotnet-isolated", "flavour": "10" } } } }""", "Microsoft.Web/sites.properties.functionAppConfig.runtime.flavour" },
        { """{ "type": "Microsoft.Insights/scheduledQueryRules", "apiVersion": "2023-12-01", "name": "a", "properties": { "criteria": { "allOf": [ { "query": "traces", "treshold": 1 } ] } } }""", "Microsoft.Insights/scheduledQueryRules.properties.criteria.allOf[0].treshold" },
        { """{ "type": "Microsoft.Web/sites", "apiVersion": "2024-11-01", "name": "f", "properties": { "siteConfig": "[variables('config')]" } }""", "" },
    };

    /// <summary>The check itself: a misspelt property at any depth is found, an ARM expression is left alone.</summary>
    [Theory]
    [MemberData(nameof(UnknownPropertyRows))]
    public void TheSchemaCheckFindsAPropertyAtAnyDepth(string resource, string unknown)
    {
        using var document = JsonDocument.Parse(resource);

        Assert.Equal(unknown.Length == 0 ? [] : [unknown], ResourceSchema.UnknownProperties(document.RootElement));
    }

    [Fact]
    public void AlertRulesSkipTheQueryValidationThatFailsOnFirstCreate()
    {
        var rules = infra.Defaults.OfType("Microsoft.Insights/scheduledQueryRules").ToList();

        Assert.Equal(3, rules.Count);
        Assert.All(rules, r => Assert.True(r.GetProperty("properties").GetProperty("skipQueryValidation").GetBoolean()));
    }

    /// <summary>The poison alert counts host warnings in traces; Application Insights sampling must never drop one.</summary>
    [Fact]
    public void HostJsonNeverSamplesThePoisonTrace()
    {
        using var host = JsonDocument.Parse(Repository.ReadText("host.json"));
        var sampling = host.RootElement.GetProperty("logging").GetProperty("applicationInsights").GetProperty("samplingSettings");
        var query = infra.Defaults.OfType("Microsoft.Insights/scheduledQueryRules")
            .Single(r => r.GetProperty("name").GetString()!.StartsWith("alert-poison-", StringComparison.Ordinal))
            .GetProperty("properties").GetProperty("criteria").GetProperty("allOf")[0].GetProperty("query").GetString()!;

        Assert.StartsWith("traces ", query, StringComparison.Ordinal);
        Assert.True(
            !sampling.GetProperty("isEnabled").GetBoolean() || sampling.GetProperty("excludedTypes").GetString()!.Split(';').Contains("Trace"),
            "host.json samples traces, and the poison alert reads them");
    }

    private static JsonElement Site(DeploymentSnapshot snapshot) => snapshot.Resource("Microsoft.Web/sites").GetProperty("properties");

    /// <summary>The resources of a template and of every nested module template.</summary>
    private static IEnumerable<JsonElement> AllResources(JsonElement template) => InfraFixture.Resources(template).SelectMany(r =>
        r.GetProperty("type").GetString() == "Microsoft.Resources/deployments" && r.GetProperty("properties").TryGetProperty("template", out var nested)
            ? AllResources(nested).Prepend(r)
            : [r]);

    private static void CopyDirectory(string source, string target)
    {
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)));
        }
    }
}
