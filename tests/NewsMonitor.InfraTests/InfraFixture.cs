using System.Text;
using System.Text.Json;

namespace NewsMonitor.InfraTests;

/// <summary>
/// Runs the Bicep CLI once for all tests, concurrently: <c>build</c> and <c>lint</c> of infra/, and two offline
/// deployment snapshots of main.bicep (<c>bicep snapshot</c> evaluates every expression that does not need a
/// deployed resource and expands the modules): one with the defaults, one with every deploy-time knob changed.
/// </summary>
public sealed class InfraFixture : IAsyncLifetime
{
    public const string SubscriptionId = "00000000-0000-0000-0000-0000000000aa";
    public const string DeployerPrincipalId = "11111111-2222-3333-4444-555555555555";

    /// <summary>The tenant the snapshots deploy into (<c>tenant()</c>).</summary>
    public const string TenantId = "00000000-0000-0000-0000-0000000000bb";

    /// <summary>The app registration of the defaults snapshot (authClientId has no default: azd's hook supplies it).</summary>
    public const string AuthClientId = "0a1b2c3d-0000-4000-8000-0000000000c1";

    /// <summary>The app registration and the other tenant of the second snapshot.</summary>
    public const string KnobsAuthClientId = "0a1b2c3d-0000-4000-8000-0000000000c2";

    public const string KnobsAuthTenantId = "00000000-0000-0000-0000-0000000000cc";

    /// <summary>The setting the second snapshot adds through extraAppSettings.</summary>
    public const string ExtraAppSetting = "Monitor__PollInterval";

    /// <summary>The knobs of the second snapshot, every one different from its default.</summary>
    public static readonly IReadOnlyDictionary<string, string> Knobs = new Dictionary<string, string>
    {
        ["environmentName"] = "'knobs'",
        ["location"] = "'swedencentral'",
        ["pollSchedule"] = "'0 */10 * * * *'",
        ["digestSchedule"] = "'0 30 6 * * *'",
        ["maximumInstanceCount"] = "250",
        ["instanceMemoryMB"] = "4096",
        ["configContainerName"] = "'watchlists'",
        ["archiveRetentionDays"] = "30",
        ["matchRetentionDays"] = "120",
        ["seenArticlesRetentionDays"] = "200",
        ["digestRetentionDays"] = "30",
        ["smtpHost"] = "'smtp.example.org'",
        ["smtpPort"] = "465",
        ["smtpSecurity"] = "'SslOnConnect'",
        ["smtpUser"] = "'newsmonitor'",
        ["smtpFrom"] = "'NewsMonitor <news@example.org>'",
        ["smtpPassword"] = "'not-a-real-password'",
        ["feedKey"] = "'not-a-real-feed-key-but-32-characters'",
        ["webhookSecrets"] = "{ 'russia-ukraine-desk': 'not-a-real-secret', world: 'not-a-real-secret' }",
        ["alertEmail"] = "'ops@example.org'",
        ["extraAppSettings"] = $"{{ {ExtraAppSetting}: '00:15:00' }}",
        ["authClientId"] = $"'{KnobsAuthClientId}'",
        ["authTenantId"] = $"'{KnobsAuthTenantId}'",
    };

    /// <summary>
    /// An azd environment (.azure/&lt;env&gt;/.env) in which the user set everything they can: SMTP, the password, webhook
    /// secrets, the feed key and an extra setting. Both azd snapshots deploy from it, as two <c>azd up</c> in a row.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> AzdEnvironment = new Dictionary<string, string>
    {
        ["AZURE_ENV_NAME"] = "azd",
        ["AZURE_LOCATION"] = "northeurope",
        ["AZURE_PRINCIPAL_ID"] = DeployerPrincipalId,
        ["AUTH_CLIENT_ID"] = AuthClientId,
        ["SMTP_HOST"] = "smtp.example.net",
        ["SMTP_USER"] = "digests",
        ["SMTP_FROM"] = "Desk <desk@example.net>",
        ["SMTP_PASSWORD"] = "not-a-real-password",
        ["FEED_KEY"] = "not-a-real-feed-key-but-32-characters",
        ["WEBHOOK_SECRETS"] = """{ "russia-ukraine-desk": "not-a-real-secret" }""",
        ["EXTRA_APP_SETTINGS"] = """{ "Monitor__PollInterval": "00:20:00" }""",
        ["ALERT_EMAIL"] = "ops@example.net",
    };

    private readonly string scratch = Path.Combine(Path.GetTempPath(), "newsmonitor-infratests-" + Guid.NewGuid().ToString("N"));

    internal BicepResult Build { get; private set; } = null!;

    internal BicepResult Lint { get; private set; } = null!;

    /// <summary>The ARM template main.bicep compiles to.</summary>
    public JsonElement Template { get; private set; }

    public DeploymentSnapshot Defaults { get; private set; } = null!;

    public DeploymentSnapshot WithKnobs { get; private set; } = null!;

    /// <summary>What <c>azd up</c> deploys from <see cref="AzdEnvironment"/> through infra/main.parameters.json.</summary>
    public DeploymentSnapshot FirstAzdUp { get; private set; } = null!;

    /// <summary>The same, run again: a second <c>azd up</c> of the same environment.</summary>
    public DeploymentSnapshot SecondAzdUp { get; private set; } = null!;

    /// <summary>The template of the module deployment <paramref name="name"/> (main.bicep's module names).</summary>
    public JsonElement ModuleTemplate(string name) => Resources(Template)
        .Single(r => r.GetProperty("type").GetString() == "Microsoft.Resources/deployments" && r.GetProperty("name").GetString() == name)
        .GetProperty("properties").GetProperty("template");

    public static IEnumerable<JsonElement> Resources(JsonElement template)
    {
        var resources = template.GetProperty("resources");
        return resources.ValueKind == JsonValueKind.Array ? resources.EnumerateArray() : resources.EnumerateObject().Select(p => p.Value);
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(scratch);
        var build = BicepCli.RunAsync(Repository.Root, "build", Repository.MainBicep, "--stdout");
        var lint = BicepCli.RunAsync(Repository.Root, "lint", "--pattern", "infra/**/*.bicep");
        var defaults = SnapshotAsync("defaults", new Dictionary<string, string>
        {
            ["environmentName"] = "'defaults'",
            ["location"] = "'westeurope'",
            ["principalId"] = $"'{DeployerPrincipalId}'",
            ["authClientId"] = $"'{AuthClientId}'",
        });
        var knobs = SnapshotAsync("knobs", Knobs);
        var firstAzdUp = AzdSnapshotAsync("first-azd-up");
        var secondAzdUp = AzdSnapshotAsync("second-azd-up");

        Build = await build;
        Lint = await lint;
        Defaults = await defaults;
        WithKnobs = await knobs;
        FirstAzdUp = await firstAzdUp;
        SecondAzdUp = await secondAzdUp;
        if (Build.ExitCode == 0)
        {
            Template = JsonDocument.Parse(Build.StandardOutput).RootElement.Clone();
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(scratch, recursive: true);
        return Task.CompletedTask;
    }

    // A .bicepparam file must name its template by a relative path.
    private string RelativeMainBicep => Path.GetRelativePath(scratch, Repository.MainBicep).Replace('\\', '/');

    private Task<DeploymentSnapshot> SnapshotAsync(string name, IReadOnlyDictionary<string, string> parameters)
    {
        var text = new StringBuilder().AppendLine(FormattableString.Invariant($"using '{RelativeMainBicep}'"));
        foreach (var (parameter, value) in parameters)
        {
            text.AppendLine(FormattableString.Invariant($"param {parameter} = {value}"));
        }

        return SnapshotAsync(name, text.ToString());
    }

    private async Task<DeploymentSnapshot> AzdSnapshotAsync(string name)
    {
        // main.bicep's parameter types, from a build of its own: the shared one may still be running.
        var build = await BicepCli.RunAsync(Repository.Root, "build", Repository.MainBicep, "--stdout");
        var parameters = JsonDocument.Parse(build.StandardOutput).RootElement.GetProperty("parameters");
        return await SnapshotAsync(name, AzdParameters.ToBicepParam(AzdParameters.Substitute(AzdEnvironment), parameters, RelativeMainBicep));
    }

    private async Task<DeploymentSnapshot> SnapshotAsync(string name, string bicepParam)
    {
        var file = Path.Combine(scratch, name + ".bicepparam");
        await File.WriteAllTextAsync(file, bicepParam);
        var result = await BicepCli.RunAsync(scratch, "snapshot", file, "--mode", "overwrite", "--subscription-id", SubscriptionId, "--tenant-id", TenantId, "--location", "westeurope");
        var output = Path.ChangeExtension(file, ".snapshot.json");
        if (result.ExitCode != 0 || !File.Exists(output))
        {
            throw new InvalidOperationException($"No snapshot for {name}:\n{result}");
        }

        return new DeploymentSnapshot(JsonDocument.Parse(await File.ReadAllTextAsync(output)).RootElement.Clone());
    }
}

[CollectionDefinition(Name)]
public sealed class SharedBicepRuns : ICollectionFixture<InfraFixture>
{
    public const string Name = "Bicep";
}
