using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsMonitor.InfraTests;

/// <summary>
/// The app settings main.bicep gives the Function App, against the settings the code reads (<see cref="CodeSettings"/>),
/// the list of settings function.bicep leaves unset on purpose (its <c>optionalAppSettings</c> metadata), and
/// local.settings.sample.json.
/// </summary>
[Collection(SharedBicepRuns.Name)]
public sealed partial class AppSettingsTests(InfraFixture infra)
{
    /// <summary>Settings that something other than NewsMonitor's code reads.</summary>
    private static readonly Dictionary<string, string> PlatformSettings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["AZURE_CLIENT_ID"] = "Azure.Identity: the user-assigned identity DefaultAzureCredential uses",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "Functions host: where telemetry goes",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "Functions host: Entra ID authentication of telemetry",
        ["WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED"] = "Functions platform: start the .NET worker without a placeholder (dotnet-worker#3335)",
    };

    /// <summary>App settings Flex Consumption does not allow (they moved to functionAppConfig or are not used).</summary>
    private static readonly string[] FlexConsumptionDeprecated =
    [
        "FUNCTIONS_EXTENSION_VERSION", "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_WORKER_RUNTIME_VERSION", "FUNCTIONS_MAX_HTTP_CONCURRENCY",
        "FUNCTIONS_WORKER_PROCESS_COUNT", "FUNCTIONS_WORKER_DYNAMIC_CONCURRENCY_ENABLED", "SCM_DO_BUILD_DURING_DEPLOYMENT", "ENABLE_ORYX_BUILD",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTOVERVNET", "WEBSITE_CONTENTSHARE", "WEBSITE_DNS_SERVER",
        "WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT", "WEBSITE_NODE_DEFAULT_VERSION", "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_SKIP_CONTENTSHARE_VALIDATION", "WEBSITE_VNET_ROUTE_ALL",
        // "not currently supported when running on Flex Consumption plan" (Flex Consumption plan page, Considerations).
        "WEBSITE_TIME_ZONE", "TZ",
    ];

    /// <summary>
    /// What local.settings.sample.json holds instead of an Azure setting: the Azurite connection string instead of the
    /// identity-based storage settings, and the seed files instead of the config container.
    /// </summary>
    private static readonly Dictionary<string, string[]> LocalEquivalents = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["AzureWebJobsStorage:credential"] = ["AzureWebJobsStorage"],
        ["AzureWebJobsStorage:clientId"] = ["AzureWebJobsStorage"],
        ["AzureWebJobsStorage:blobServiceUri"] = ["AzureWebJobsStorage"],
        ["AzureWebJobsStorage:queueServiceUri"] = ["AzureWebJobsStorage"],
        ["AzureWebJobsStorage:tableServiceUri"] = ["AzureWebJobsStorage"],
        ["Monitor:ConfigContainer"] = ["Monitor:WatchlistPath", "Monitor:FeedsPath", "Monitor:SubscriptionsPath"],
    };

    private IReadOnlyList<AppSetting> Settings => infra.Defaults.AppSettings;

    /// <summary>Every setting function.bicep can set: the defaults' and those that need a parameter (the secrets).</summary>
    private IReadOnlyList<AppSetting> AllSettings => infra.Defaults.AppSettings
        .Concat(infra.WithKnobs.AppSettings.Where(s => s.Name != InfraFixture.ExtraAppSetting && !infra.Defaults.AppSettings.Any(d => d.Name == s.Name)))
        .ToList();

    private IReadOnlyDictionary<string, string> OptionalSettings => infra.ModuleTemplate("function").GetProperty("metadata").GetProperty("optionalAppSettings")
        .EnumerateObject().ToDictionary(p => SettingNames.Normalize(p.Name), p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void StorageIsReachedWithTheManagedIdentityOnly()
    {
        Assert.Equal("managedidentity", Setting("AzureWebJobsStorage__credential").Literal);
        Assert.Matches(@"^reference\('[^']*/userAssignedIdentities/id-[a-z0-9]+', '[^']+'\)\.clientId$", Setting("AzureWebJobsStorage__clientId").ValueText);
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.Matches($@"^reference\('[^']*/storageAccounts/st[a-z0-9]+', '[^']+'\)\.primaryEndpoints\.{service}$", Setting($"AzureWebJobsStorage__{service}ServiceUri").ValueText);
        }

        Assert.DoesNotContain(Settings, s => s.Name is "AzureWebJobsStorage" || (s.Name.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase) && s.Name != "APPLICATIONINSIGHTS_CONNECTION_STRING"));
        Assert.All(Settings, s => Assert.False(Secretish().IsMatch(s.ValueText), $"{s.Name} holds what looks like a key or connection string: {s.ValueText}"));
        Assert.All(Settings.Where(s => !s.Conditional), s => Assert.DoesNotContain("@Microsoft.KeyVault", s.ValueText, StringComparison.Ordinal));
    }

    [Fact]
    public void NoTemplateListsAKeyOrASasToken()
    {
        var template = infra.Template.GetRawText();

        Assert.DoesNotMatch(@"list(Keys|AccountSas|ServiceSas|Secrets)\(", template);
        Assert.DoesNotContain("AccountKey=", template, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretsAreKeyVaultReferencesThatExistOnlyWhenTheirValuesArePassed()
    {
        // Without secrets the condition is known and false: no setting. With them the snapshot cannot see the secure
        // values, so it keeps the condition, and the setting is there under it.
        var smtp = infra.WithKnobs.Setting("Monitor__Smtp__Password");
        var feedKey = infra.WithKnobs.Setting("Monitor__FeedKey");
        var webhooks = infra.WithKnobs.Setting("Monitor__WebhookSecrets__*");

        Assert.DoesNotContain(Settings, s => s.Name.StartsWith("Monitor__Smtp__", StringComparison.Ordinal) || s.Name.StartsWith("Monitor__WebhookSecrets__", StringComparison.Ordinal));
        Assert.True(smtp.Conditional);
        Assert.True(feedKey.Conditional);
        Assert.DoesNotContain(Settings, s => s.Name == "Monitor__FeedKey");
        Assert.Matches(@"^format\('@Microsoft\.KeyVault\(SecretUri=\{0\}\{1\}\)', variables\('secretUriBase'\), parameters\('feedKeySecretName'\)\)$", feedKey.ValueText);
        Assert.True(webhooks.Conditional);
        Assert.Matches(@"^format\('@Microsoft\.KeyVault\(SecretUri=\{0\}\{1\}\)', variables\('secretUriBase'\), parameters\('smtpPasswordSecretName'\)\)$", smtp.ValueText);
        Assert.StartsWith("format('@Microsoft.KeyVault(SecretUri={0}{1}{2})', variables('secretUriBase'), parameters('webhookSecretNamePrefix'), ", webhooks.ValueText, StringComparison.Ordinal);
        Assert.Equal(
            "[format('https://{0}{1}/secrets/', parameters('keyVaultName'), environment().suffixes.keyvaultDns)]",
            infra.ModuleTemplate("function").GetProperty("variables").GetProperty("secretUriBase").GetString());
        // The references point into the vault keyvault.bicep creates.
        Assert.Equal(ModuleParameter("keyvault", "name"), ModuleParameter("function", "keyVaultName"));
    }

    [Theory]
    [InlineData(false, "0 */5 * * * *", "0 0 * * * *", "config")]
    [InlineData(true, "0 */10 * * * *", "0 30 6 * * *", "watchlists")]
    public void DeployTimeKnobsReachTheAppSettings(bool knobs, string poll, string digest, string container)
    {
        var snapshot = knobs ? infra.WithKnobs : infra.Defaults;

        Assert.Equal(poll, snapshot.Setting("PollSchedule").Literal);
        Assert.Equal(digest, snapshot.Setting("DigestSchedule").Literal);
        Assert.Equal(container, snapshot.Setting("Monitor__ConfigContainer").Literal);
        Assert.Equal("false", snapshot.Setting("Monitor__Http__AllowPrivateNetworks").Literal);
        Assert.Equal(knobs ? "00:15:00" : null, snapshot.AppSettings.SingleOrDefault(s => s.Name == "Monitor__PollInterval")?.Literal);
    }

    [Fact]
    public void NoSettingFlexConsumptionRejects()
    {
        Assert.All(AllSettings, s => Assert.DoesNotContain(s.Name, FlexConsumptionDeprecated, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void EverySettingTheCodeReadsIsSetOrListedAsOptional()
    {
        var missing = CodeSettings.All
            .Where(code => !AllSettings.Any(s => SettingNames.Matches(code.Key, s.Name) || SettingNames.Matches(s.Name, code.Key)) && !OptionalSettings.ContainsKey(code.Key))
            .Select(code => $"{code.Key} ({code.Value})")
            .ToList();

        Assert.True(
            missing.Count == 0,
            "Read by the code but neither set by infra/app/function.bicep nor in its optionalAppSettings metadata (with the reason):\n  "
            + string.Join("\n  ", missing));
    }

    [Fact]
    public void EverySettingTheBicepSetsIsReadBySomething()
    {
        var unread = AllSettings
            .Where(s => !PlatformSettings.ContainsKey(s.Key) && !CodeSettings.All.Keys.Any(code => SettingNames.Matches(code, s.Name) || SettingNames.Matches(s.Name, code)))
            .Select(s => s.Name)
            .ToList();

        Assert.True(unread.Count == 0, "Set by function.bicep but read by no code (a typo?): " + string.Join(", ", unread));
    }

    [Fact]
    public void OptionalSettingsAreReadByTheCodeAndNotAlsoSet()
    {
        Assert.All(OptionalSettings.Keys, name =>
        {
            Assert.True(CodeSettings.All.ContainsKey(name), $"optionalAppSettings lists {name}, which no code reads any more");
            Assert.DoesNotContain(AllSettings, s => SettingNames.Matches(s.Name, name));
        });
    }

    [Fact]
    public void DocumentedDefaultsAreTheOptionsDefaults()
    {
        foreach (var (name, reason) in OptionalSettings)
        {
            var documented = DocumentedDefault().Match(reason);
            if (!documented.Success)
            {
                continue;
            }

            var actual = CodeSettings.Default(name) ?? throw new InvalidOperationException($"{name}: documented with a default but not an options property");
            var parsed = TypeDescriptor.GetConverter(actual.Type).ConvertFromInvariantString(documented.Groups[1].Value);
            Assert.True(Equals(parsed, actual.Value), $"optionalAppSettings says {name} defaults to {documented.Groups[1].Value}; the code says {actual.Value}");
        }
    }

    [Fact]
    public void LocalSettingsSampleListsTheSameSettings()
    {
        var sample = SampleValues();

        Assert.All(sample.Keys, name => Assert.True(
            CodeSettings.All.Keys.Any(code => SettingNames.Matches(code, name)),
            $"local.settings.sample.json sets {name}, which no code reads"));
        foreach (var setting in Settings.Where(s => !s.Conditional && !PlatformSettings.ContainsKey(s.Key)))
        {
            var expected = LocalEquivalents.TryGetValue(setting.Key, out var local) ? local : [setting.Key];
            Assert.All(expected, name => Assert.True(sample.ContainsKey(name), $"Azure gets {setting.Name}; local.settings.sample.json should list {name}"));
        }
    }

    [Fact]
    public void SchedulesAndRuntimeAgreeBetweenBicepAndTheSample()
    {
        var sample = SampleValues();
        var parameters = infra.Template.GetProperty("parameters");
        var runtime = DeploymentTests.Properties(infra.Defaults.Resource("Microsoft.Web/sites")).GetProperty("functionAppConfig").GetProperty("runtime").GetProperty("name").GetString();

        Assert.Equal(sample["PollSchedule"], parameters.GetProperty("pollSchedule").GetProperty("defaultValue").GetString());
        Assert.Equal(sample["DigestSchedule"], parameters.GetProperty("digestSchedule").GetProperty("defaultValue").GetString());
        Assert.Equal(sample["FUNCTIONS_WORKER_RUNTIME"], runtime);
    }

    private static Dictionary<string, string?> SampleValues()
    {
        using var sample = JsonDocument.Parse(Repository.ReadText("local.settings.sample.json"));
        return sample.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => SettingNames.Normalize(p.Name), p => p.Value.GetString(), StringComparer.OrdinalIgnoreCase);
    }

    private AppSetting Setting(string name) => infra.Defaults.Setting(name);

    private string? ModuleParameter(string module, string parameter) => InfraFixture.Resources(infra.Template)
        .Single(r => r.GetProperty("name").GetString() == module)
        .GetProperty("properties").GetProperty("parameters").GetProperty(parameter).GetProperty("value").GetString();

    [GeneratedRegex("AccountKey=|SharedAccessSignature|DefaultEndpointsProtocol|list(Keys|AccountSas|ServiceSas)\\(|InstrumentationKey=", RegexOptions.IgnoreCase)]
    private static partial Regex Secretish();

    [GeneratedRegex(@"default \(([^)]+)\)")]
    private static partial Regex DocumentedDefault();
}
