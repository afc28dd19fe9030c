using System.Text.Json;

namespace NewsMonitor.InfraTests;

/// <summary>
/// A second <c>azd up</c> changes nothing the user set. azd passes main.bicep only what main.parameters.json takes from
/// the azd environment, and the appsettings resource replaces every app setting: so a setting survives a later
/// <c>azd up</c> only when it comes from the environment. These tests deploy one environment twice through the
/// parameters file (InfraFixture) and hold the parameters file against main.bicep.
/// </summary>
[Collection(SharedBicepRuns.Name)]
public sealed class RedeployTests(InfraFixture infra)
{
    [Fact]
    public void ASecondAzdUpAppliesExactlyTheSameSettings()
    {
        var first = Describe(infra.FirstAzdUp.AppSettings);
        var second = Describe(infra.SecondAzdUp.AppSettings);

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void ASecondAzdUpCreatesTheSameResourcesWithTheSameProperties()
    {
        Assert.Equal(Describe(infra.FirstAzdUp), Describe(infra.SecondAzdUp));
    }

    public static TheoryData<string, string?> UserSettings => new()
    {
        { "Monitor__Smtp__Host", "smtp.example.net" },
        { "Monitor__Smtp__User", "digests" },
        { "Monitor__Smtp__From", "Desk <desk@example.net>" },
        { "Monitor__Smtp__Port", "587" },
        { "Monitor__Smtp__Security", "StartTls" },
        { "Monitor__PollInterval", "00:20:00" },
        // Key Vault references: the snapshot cannot see the secure values, so they stay expressions under a condition.
        { "Monitor__Smtp__Password", null },
        { "Monitor__FeedKey", null },
        { "Monitor__WebhookSecrets__*", null },
    };

    /// <summary>What the user set in the azd environment is in the settings of the second run, not only of the first.</summary>
    [Theory]
    [MemberData(nameof(UserSettings))]
    public void WhatTheUserSetInTheAzdEnvironmentIsThereAfterTheSecondAzdUp(string name, string? value)
    {
        var setting = infra.SecondAzdUp.Setting(name);

        if (value is null)
        {
            Assert.Contains("@Microsoft.KeyVault(SecretUri=", setting.ValueText, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(value, setting.Literal);
        }
    }

    /// <summary>
    /// A parameter missing from main.parameters.json takes its default on every <c>azd up</c>, undoing whatever an
    /// <c>az deployment</c> with that parameter set: every parameter comes from the azd environment.
    /// </summary>
    [Fact]
    public void EveryParameterOfMainBicepComesFromTheAzdEnvironment()
    {
        var declared = infra.Template.GetProperty("parameters").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);

        Assert.Equal(declared, AzdParameters.Written.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>azd parses the file after substituting; the JSON parameters are unquoted so an object goes in as an object.</summary>
    [Theory]
    [InlineData("webhookSecrets", "${WEBHOOK_SECRETS}")]
    [InlineData("extraAppSettings", "${EXTRA_APP_SETTINGS}")]
    [InlineData("smtpHost", "\"${SMTP_HOST=}\"")]
    [InlineData("smtpPassword", "\"${SMTP_PASSWORD=}\"")]
    public void TheParametersFilePassesEachSettingFromItsEnvironmentValue(string parameter, string written)
    {
        Assert.Equal(written, AzdParameters.Written[parameter]);
    }

    [Fact]
    public void WithoutSmtpInTheEnvironmentNoSmtpSettingIsSetAndTheCodesDefaultsStand()
    {
        var environment = InfraFixture.AzdEnvironment.Where(p => !p.Key.StartsWith("SMTP_", StringComparison.Ordinal)).ToDictionary();

        var values = AzdParameters.Substitute(environment);

        Assert.Equal(string.Empty, values["smtpHost"].GetString());
        Assert.Equal("587", values["smtpPort"].GetString());
        Assert.DoesNotContain(infra.Defaults.AppSettings, s => s.Name.StartsWith("Monitor__Smtp__", StringComparison.Ordinal));
    }

    private static List<string> Describe(IEnumerable<AppSetting> settings) => settings
        .Select(s => $"{s.Name} = {s.ValueText} ({(s.Conditional ? "conditional" : "always")})")
        .Order(StringComparer.Ordinal)
        .ToList();

    private static List<string> Describe(DeploymentSnapshot snapshot) => snapshot.Resources
        .Select(r => $"{r.GetProperty("id").GetString()} {(r.TryGetProperty("properties", out var p) ? JsonSerializer.Serialize(p) : string.Empty)}")
        .Order(StringComparer.Ordinal)
        .ToList();
}
