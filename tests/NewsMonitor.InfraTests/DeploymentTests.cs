using System.ComponentModel;
using System.Text.Json;
using NewsMonitor.Storage;
using NewsMonitor.Telemetry;

namespace NewsMonitor.InfraTests;

/// <summary>What main.bicep deploys, read from the offline snapshots of the deployment.</summary>
[Collection(SharedBicepRuns.Name)]
public sealed class DeploymentTests(InfraFixture infra)
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    [Fact]
    public void EverythingLivesInTheEnvironmentsResourceGroup()
    {
        var group = infra.Defaults.Resource("Microsoft.Resources/resourceGroups");

        Assert.Equal("rg-defaults", group.GetProperty("name").GetString());
        Assert.Equal("defaults", group.GetProperty("tags").GetProperty("azd-env-name").GetString());
        Assert.All(
            infra.Defaults.Resources.Where(r => r.GetProperty("type").GetString() != "Microsoft.Resources/resourceGroups"),
            r => Assert.StartsWith($"/subscriptions/{InfraFixture.SubscriptionId}/resourceGroups/rg-defaults/", r.GetProperty("id").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void StorageAccountTakesNoKeysNoAnonymousReadsAndOnlyTls12OverHttps()
    {
        var storage = Properties(infra.Defaults.Resource("Microsoft.Storage/storageAccounts"));

        Assert.False(storage.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(storage.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.Equal("TLS1_2", storage.GetProperty("minimumTlsVersion").GetString());
        Assert.True(storage.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        Assert.True(storage.GetProperty("defaultToOAuthAuthentication").GetBoolean());
        Assert.All(infra.Defaults.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"), c => Assert.Equal("None", Properties(c).GetProperty("publicAccess").GetString()));
    }

    [Fact]
    public void StorageHoldsThePipelinesQueuesContainersAndTables()
    {
        var account = infra.Defaults.Resource("Microsoft.Storage/storageAccounts").GetProperty("name").GetString();

        Assert.Equal(
            new[] { "alerts", "alerts-poison", "articles", "articles-poison", "backfill", "backfill-poison", "feeds", "feeds-poison", "spikes", "spikes-poison" },
            Leaves(infra.Defaults.Names("Microsoft.Storage/storageAccounts/queueServices/queues")));
        Assert.Equal(new[] { "Backfills", "Deliveries", "DigestState", "EntityVolume", "FeedState", "MatchIndex", "Reviews", "SeenArticleDays", "SeenArticles", "Spikes" }, Leaves(infra.Defaults.Names("Microsoft.Storage/storageAccounts/tableServices/tables")));
        var containers = Leaves(infra.Defaults.Names("Microsoft.Storage/storageAccounts/blobServices/containers"));
        Assert.Equal(new[] { "archive", "config", "digests", "locks", "matches" }, containers.Where(c => !c.StartsWith("app-package-", StringComparison.Ordinal)));
        Assert.Single(containers, c => c.StartsWith("app-package-", StringComparison.Ordinal));
        Assert.All(infra.Defaults.Names("Microsoft.Storage/storageAccounts/queueServices/queues"), name => Assert.StartsWith(account + "/default/", name, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryQueueContainerAndTableTheCodeNamesIsDeployed()
    {
        var names = new StorageNames();
        var inCode = typeof(StorageNames).GetProperties()
            .Where(p => p.PropertyType == typeof(string) && p.Name != nameof(StorageNames.Prefix))
            .Select(p => (string)p.GetValue(names)!)
            .ToList();
        var deployed = new[] { "queueServices/queues", "blobServices/containers", "tableServices/tables" }
            .SelectMany(type => Leaves(infra.Defaults.Names($"Microsoft.Storage/storageAccounts/{type}")))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("backfill", inCode);
        Assert.All(inCode, name => Assert.Contains(name, deployed));
    }

    [Fact]
    public void EveryDeployedPoisonQueueIsOneThePoisonCommandsAndApiSee()
    {
        var poisoned = Leaves(infra.Defaults.Names("Microsoft.Storage/storageAccounts/queueServices/queues"))
            .Where(name => name.EndsWith("-poison", StringComparison.Ordinal))
            .Select(name => name[..^"-poison".Length]);

        Assert.Equal(poisoned.Order(StringComparer.Ordinal), PoisonQueues.QueueNames.Order(StringComparer.Ordinal));
    }

    public static TheoryData<bool, string, string, string, string, int> RetentionRules => new()
    {
        { false, "archive-retention", "archive", "daysAfterModificationGreaterThan", "Monitor__ArchiveRetention", 90 },
        { true, "archive-retention", "archive", "daysAfterModificationGreaterThan", "Monitor__ArchiveRetention", 30 },
        { false, "match-retention", "matches", "daysAfterCreationGreaterThan", "Monitor__Retention__Matches", 365 },
        { true, "match-retention", "matches", "daysAfterCreationGreaterThan", "Monitor__Retention__Matches", 120 },
        { false, "digest-retention", "digests", "daysAfterCreationGreaterThan", "Monitor__Retention__Digests", 180 },
        { true, "digest-retention", "digests", "daysAfterCreationGreaterThan", "Monitor__Retention__Digests", 30 },
    };

    /// <summary>
    /// Each container with a retention window has a lifecycle rule on exactly its prefix, deleting after the window the
    /// app is given; matched articles count from creation, as a backfill rewrites them.
    /// </summary>
    [Theory]
    [MemberData(nameof(RetentionRules))]
    public void BlobsAreDeletedAfterTheWindowTheAppIsGiven(bool knobs, string ruleName, string container, string age, string setting, int days)
    {
        var snapshot = knobs ? infra.WithKnobs : infra.Defaults;
        var policy = snapshot.Resource("Microsoft.Storage/storageAccounts/managementPolicies");
        var rules = Properties(policy).GetProperty("policy").GetProperty("rules").EnumerateArray().ToList();
        var rule = Assert.Single(rules, r => r.GetProperty("name").GetString() == ruleName);
        var definition = rule.GetProperty("definition");
        var window = TypeDescriptor.GetConverter(typeof(TimeSpan)).ConvertFromInvariantString(snapshot.Setting(setting).Literal!);

        Assert.Equal(snapshot.Resource("Microsoft.Storage/storageAccounts").GetProperty("name").GetString() + "/default", policy.GetProperty("name").GetString());
        Assert.Equal(3, rules.Count);
        Assert.True(rule.GetProperty("enabled").GetBoolean());
        Assert.Equal([container + "/"], definition.GetProperty("filters").GetProperty("prefixMatch").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains(container, Leaves(snapshot.Names("Microsoft.Storage/storageAccounts/blobServices/containers")));
        var delete = definition.GetProperty("actions").GetProperty("baseBlob").GetProperty("delete");
        Assert.Equal([age], delete.EnumerateObject().Select(p => p.Name));
        Assert.Equal(days, delete.GetProperty(age).GetInt32());
        Assert.Equal(TimeSpan.FromDays(days), window);
    }

    /// <summary>The storage layout the rules' prefixes assume: the containers as the app names them, the blob names as it writes them.</summary>
    [Fact]
    public void TheRulesPrefixesAreTheAppsContainers()
    {
        var names = new StorageNames();

        Assert.Equal(["archive", "matches", "digests"], new[] { names.Archive, names.Matches, names.Digests });
        Assert.True(StoredArticle.TryParseDay(StoredArticle.BlobPathFor("0123456789abcdef0123456789abcdef", new DateTimeOffset(2026, 1, 15, 7, 0, 0, TimeSpan.Zero)), out var day));
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero), day);
    }

    [Theory]
    [InlineData(false, "450")]
    [InlineData(true, "200")]
    public void SeenArticlesRowsAreKeptForTheWindowChosenAtDeployTime(bool knobs, string days)
    {
        Assert.Equal(days, (knobs ? infra.WithKnobs : infra.Defaults).Setting("Monitor__Retention__SeenArticles").Literal);
    }

    [Fact]
    public void TheConfigContainerIsTheOneTheAppIsToldAbout()
    {
        var containers = Leaves(infra.WithKnobs.Names("Microsoft.Storage/storageAccounts/blobServices/containers"));

        Assert.Contains("watchlists", containers);
        Assert.DoesNotContain("config", containers);
        Assert.Equal("watchlists", infra.WithKnobs.Setting("Monitor__ConfigContainer").Literal);
    }

    [Fact]
    public void FunctionAppRunsDotnetIsolated10OnFlexConsumption()
    {
        var plan = infra.Defaults.Resource("Microsoft.Web/serverfarms");
        var app = infra.Defaults.Resource("Microsoft.Web/sites");
        var config = Properties(app).GetProperty("functionAppConfig");

        Assert.Equal("FC1", plan.GetProperty("sku").GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());
        Assert.True(Properties(plan).GetProperty("reserved").GetBoolean());
        Assert.Equal("functionapp,linux", app.GetProperty("kind").GetString());
        Assert.Equal(plan.GetProperty("id").GetString(), Properties(app).GetProperty("serverFarmId").GetString());
        Assert.Equal("dotnet-isolated", config.GetProperty("runtime").GetProperty("name").GetString());
        Assert.Equal("10.0", config.GetProperty("runtime").GetProperty("version").GetString());
        Assert.Equal("api", app.GetProperty("tags").GetProperty("azd-service-name").GetString());
    }

    [Theory]
    [InlineData(false, 100, 2048)]
    [InlineData(true, 250, 4096)]
    public void ScaleFollowsTheParameters(bool knobs, int maximumInstanceCount, int instanceMemoryMB)
    {
        var scale = Properties((knobs ? infra.WithKnobs : infra.Defaults).Resource("Microsoft.Web/sites")).GetProperty("functionAppConfig").GetProperty("scaleAndConcurrency");

        Assert.Equal(maximumInstanceCount, scale.GetProperty("maximumInstanceCount").GetInt32());
        Assert.Equal(instanceMemoryMB, scale.GetProperty("instanceMemoryMB").GetInt32());
    }

    [Fact]
    public void TheAppUsesItsUserAssignedIdentityForDeploymentAndKeyVault()
    {
        var identityId = infra.Defaults.Resource("Microsoft.ManagedIdentity/userAssignedIdentities").GetProperty("id").GetString()!;
        var app = infra.Defaults.Resource("Microsoft.Web/sites");
        var storage = Properties(app).GetProperty("functionAppConfig").GetProperty("deployment").GetProperty("storage");
        var packageContainer = Leaves(infra.Defaults.Names("Microsoft.Storage/storageAccounts/blobServices/containers")).Single(c => c.StartsWith("app-package-", StringComparison.Ordinal));

        Assert.Equal("UserAssigned", app.GetProperty("identity").GetProperty("type").GetString());
        Assert.Equal(new[] { identityId }, app.GetProperty("identity").GetProperty("userAssignedIdentities").EnumerateObject().Select(p => p.Name));
        Assert.Equal("blobContainer", storage.GetProperty("type").GetString());
        Assert.EndsWith($"primaryEndpoints.blob, '{packageContainer}')]", storage.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal("UserAssignedIdentity", storage.GetProperty("authentication").GetProperty("type").GetString());
        Assert.Equal(identityId, storage.GetProperty("authentication").GetProperty("userAssignedIdentityResourceId").GetString());
        Assert.Equal(identityId, Properties(app).GetProperty("keyVaultReferenceIdentity").GetString());
    }

    [Fact]
    public void TheAppTakesHttpsOnlyAndNoBasicAuthPublishing()
    {
        var app = Properties(infra.Defaults.Resource("Microsoft.Web/sites"));
        var policies = infra.Defaults.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.True(app.GetProperty("httpsOnly").GetBoolean());
        Assert.Equal(new[] { "scm" }, Leaves(policies.Select(p => p.GetProperty("name").GetString()!)));
        Assert.All(policies, p => Assert.False(Properties(p).GetProperty("allow").GetBoolean()));
    }

    [Fact]
    public void ApplicationInsightsTakesOnlyEntraIdTelemetry()
    {
        var insights = Properties(infra.Defaults.Resource("Microsoft.Insights/components"));
        var workspace = infra.Defaults.Resource("Microsoft.OperationalInsights/workspaces");

        Assert.True(insights.GetProperty("DisableLocalAuth").GetBoolean());
        Assert.Equal(workspace.GetProperty("id").GetString(), insights.GetProperty("WorkspaceResourceId").GetString());
        Assert.Equal("ClientId={0};Authorization=AAD", FormatTemplate(infra.Defaults.Setting("APPLICATIONINSIGHTS_AUTHENTICATION_STRING")));
    }

    [Fact]
    public void KeyVaultAuthorizesWithRbacAndCanBePurgedByAzdDown()
    {
        var vault = Properties(infra.Defaults.Resource("Microsoft.KeyVault/vaults"));

        Assert.True(vault.GetProperty("enableRbacAuthorization").GetBoolean());
        Assert.False(vault.TryGetProperty("enablePurgeProtection", out _));
    }

    [Fact]
    public void TheIdentityGetsExactlyTheRolesTheAppNeeds()
    {
        var roles = RoleAssignments(infra.WithKnobs);

        Assert.Equal(
            new[]
            {
                ("storageAccounts", StorageBlobDataOwner),
                ("storageAccounts", StorageQueueDataContributor),
                ("storageAccounts", StorageTableDataContributor),
                ("components", MonitoringMetricsPublisher),
                ("vaults", KeyVaultSecretsUser),
            }.Order(),
            roles.Where(r => r.Principal == "identity").Select(r => (r.Scope, r.Role)).Order());
        Assert.DoesNotContain(roles, r => r.Principal != "identity");
    }

    [Fact]
    public void TheDeployingPrincipalGetsTheStorageRolesWhenAzdNamesIt()
    {
        var deployer = RoleAssignments(infra.Defaults).Where(r => r.Principal == InfraFixture.DeployerPrincipalId).ToList();

        Assert.Equal(
            new[] { StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor }.Order(),
            deployer.Select(r => r.Role).Order());
        Assert.All(deployer, r => Assert.Equal("storageAccounts", r.Scope));
        Assert.All(
            infra.Defaults.OfType("Microsoft.Authorization/roleAssignments").Where(r => Properties(r).GetProperty("principalId").GetString() == InfraFixture.DeployerPrincipalId),
            r => Assert.Equal("User", Properties(r).GetProperty("principalType").GetString()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PoisonQueuesRaiseAnAlertMailedOnlyWhenAnAddressIsGiven(bool knobs)
    {
        var snapshot = knobs ? infra.WithKnobs : infra.Defaults;
        var rule = Properties(snapshot.OfType("Microsoft.Insights/scheduledQueryRules").Single(r => r.GetProperty("name").GetString()!.StartsWith("alert-poison-", StringComparison.Ordinal)));
        var insights = snapshot.Resource("Microsoft.Insights/components").GetProperty("id").GetString();
        var query = rule.GetProperty("criteria").GetProperty("allOf")[0].GetProperty("query").GetString()!;

        Assert.Equal(new[] { insights }, rule.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        // The Functions host's own words when it gives up on a message (Azure WebJobs storage extension, QueueProcessor).
        Assert.Contains("Message has reached MaxDequeueCount", query, StringComparison.Ordinal);
        Assert.Contains("Moving message to queue", query, StringComparison.Ordinal);
        Assert.Equal(knobs ? 1 : 0, snapshot.OfType("Microsoft.Insights/actionGroups").Count());
    }

    public static TheoryData<string, string, string, string, double> MetricAlerts => new()
    {
        { "alert-feeds-", PipelineMetrics.FeedFetchFailuresName, "GreaterThanOrEqual", "feed", 3 },
        { "alert-stalled-", PipelineMetrics.ArticlesProcessedName, "LessThan", "", 1 },
    };

    /// <summary>The alerts on the app's metrics name instruments the meter has, and the feed alert splits by the tag the meter sets.</summary>
    [Theory]
    [MemberData(nameof(MetricAlerts))]
    public void MetricAlertsReadTheMetersInstruments(string rulePrefix, string instrument, string comparison, string dimension, double threshold)
    {
        var rule = Properties(infra.Defaults.OfType("Microsoft.Insights/scheduledQueryRules").Single(r => r.GetProperty("name").GetString()!.StartsWith(rulePrefix, StringComparison.Ordinal)));
        var criterion = rule.GetProperty("criteria").GetProperty("allOf")[0];
        var query = criterion.GetProperty("query").GetString()!;

        Assert.Contains($"customMetrics | where name == \"{instrument}\"", query, StringComparison.Ordinal);
        Assert.Equal((comparison, threshold), (criterion.GetProperty("operator").GetString(), criterion.GetProperty("threshold").GetDouble()));
        var dimensions = criterion.TryGetProperty("dimensions", out var d) ? d.EnumerateArray().Select(x => x.GetProperty("name").GetString()).ToList() : [];
        Assert.Equal(dimension.Length == 0 ? [] : [dimension], dimensions);
        Assert.True(dimension.Length == 0 || query.Contains("customDimensions[\"feed.id\"]", StringComparison.Ordinal), query);
    }

    internal static JsonElement Properties(JsonElement resource) => resource.GetProperty("properties");

    private static List<string> Leaves(IEnumerable<string> names) => names.Select(n => n[(n.LastIndexOf('/') + 1)..]).Order(StringComparer.Ordinal).ToList();

    /// <summary>Role assignments as (scope resource type, role definition id, "identity" or the literal principal id).</summary>
    private static List<(string Scope, string Role, string Principal)> RoleAssignments(DeploymentSnapshot snapshot) => snapshot
        .OfType("Microsoft.Authorization/roleAssignments")
        .Select(r =>
        {
            var id = r.GetProperty("id").GetString()!;
            var scope = id[..id.IndexOf("/providers/Microsoft.Authorization/", StringComparison.Ordinal)].Split('/')[^2];
            var role = Properties(r).GetProperty("roleDefinitionId").GetString()!.Split('/')[^1];
            var principal = Properties(r).GetProperty("principalId").GetString()!;
            return (scope, role, principal.Contains("/userAssignedIdentities/", StringComparison.Ordinal) && principal.Contains(".principalId", StringComparison.Ordinal) ? "identity" : principal);
        })
        .ToList();

    private static string FormatTemplate(AppSetting setting) => ArmExpression.Parse("[" + setting.ValueText + "]") is ArmCall { Arguments: [ArmString template, ..] } call && call.Is("format")
        ? template.Value
        : setting.ValueText;
}
