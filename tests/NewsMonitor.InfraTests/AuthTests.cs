using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsMonitor.InfraTests;

/// <summary>
/// Who can reach the Function App: App Service authentication (infra/app/auth.bicep) read from the offline snapshots,
/// and the routes it lets through held against the functions' own authorization levels in src/NewsMonitor.Functions.
/// </summary>
[Collection(SharedBicepRuns.Name)]
public sealed partial class AuthTests(InfraFixture infra)
{
    public static TheoryData<bool, string, string> Registrations => new()
    {
        { false, InfraFixture.AuthClientId, InfraFixture.TenantId },
        { true, InfraFixture.KnobsAuthClientId, InfraFixture.KnobsAuthTenantId },
    };

    [Theory]
    [MemberData(nameof(Registrations))]
    public void EveryRequestNeedsAnEntraIdSignInByAUserOfTheTenant(bool knobs, string clientId, string tenantId)
    {
        var snapshot = knobs ? infra.WithKnobs : infra.Defaults;
        var auth = AuthSettings(snapshot);
        var validation = auth.GetProperty("globalValidation");
        var providers = auth.GetProperty("identityProviders");
        var entra = providers.GetProperty("azureActiveDirectory");

        Assert.Equal(snapshot.Resource("Microsoft.Web/sites").GetProperty("name").GetString() + "/authsettingsV2", AuthResource(snapshot).GetProperty("name").GetString());
        Assert.True(auth.GetProperty("platform").GetProperty("enabled").GetBoolean());
        Assert.True(validation.GetProperty("requireAuthentication").GetBoolean());
        Assert.Equal("RedirectToLoginPage", validation.GetProperty("unauthenticatedClientAction").GetString());
        Assert.Equal("azureactivedirectory", validation.GetProperty("redirectToProvider").GetString());
        Assert.Equal(["azureActiveDirectory"], providers.EnumerateObject().Select(p => p.Name));
        Assert.True(entra.GetProperty("enabled").GetBoolean());
        Assert.Equal(clientId, entra.GetProperty("registration").GetProperty("clientId").GetString());
        // The tenant's own issuer: "common" or "organizations" would let any work account in.
        Assert.Equal($"https://login.microsoftonline.com/{tenantId}/v2.0", Issuer(entra.GetProperty("registration").GetProperty("openIdIssuer").GetString()!));
        Assert.Equal([clientId], entra.GetProperty("validation").GetProperty("allowedAudiences").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void SignInNeedsNoClientSecretAndNoTokenStore()
    {
        var auth = AuthSettings(infra.WithKnobs);
        var registration = auth.GetProperty("identityProviders").GetProperty("azureActiveDirectory").GetProperty("registration");
        var tokenStore = auth.GetProperty("login").GetProperty("tokenStore");

        Assert.Equal(["clientId", "openIdIssuer"], registration.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(infra.Defaults.AppSettings.Concat(infra.WithKnobs.AppSettings), s => s.Name.StartsWith("MICROSOFT_PROVIDER_AUTHENTICATION_", StringComparison.Ordinal));
        // Flex Consumption has no file share for it, and the blob form takes a SAS URL: a key in an app setting.
        Assert.False(tokenStore.GetProperty("enabled").GetBoolean());
        Assert.False(tokenStore.TryGetProperty("azureBlobStorage", out _));
    }

    [Fact]
    public void SessionsStayOnThisHostOverHttps()
    {
        var auth = AuthSettings(infra.Defaults);
        var login = auth.GetProperty("login");

        Assert.True(auth.GetProperty("httpSettings").GetProperty("requireHttps").GetBoolean());
        Assert.Empty(login.GetProperty("allowedExternalRedirectUrls").EnumerateArray());
        Assert.True(login.GetProperty("nonce").GetProperty("validateNonce").GetBoolean());
        Assert.True(login.GetProperty("preserveUrlFragmentsForLogins").GetBoolean());
    }

    /// <summary>
    /// A path outside sign-in must be one another guard protects instead: the Functions admin key (scripts call those
    /// routes with the key, not a browser session) or a feed token (Atom routes, <c>….atom</c>: feed readers cannot sign
    /// in). Every such route is outside sign-in, and no other route is, not even through a wildcard path.
    /// </summary>
    [Fact]
    public void OnlyTheAdminKeyAndFeedTokenRoutesSkipSignIn()
    {
        var excluded = AuthSettings(infra.Defaults).GetProperty("globalValidation").GetProperty("excludedPaths").EnumerateArray().Select(p => p.GetString()!).ToList();
        var routes = HttpRoutes();

        Assert.NotEmpty(excluded);
        Assert.All(excluded, path => Assert.True(
            routes.Any(r => r.GuardedOtherwise && r.Matches(path)),
            $"{path} skips sign-in, but no admin-key or feed function answers it ({string.Join(", ", routes.Select(r => $"{r.Level} {r.Route}"))})"));
        Assert.All(routes, route => Assert.True(
            route.GuardedOtherwise == excluded.Any(route.Matches),
            $"{route.Level} {route.Route}: admin-key and feed routes skip sign-in, all others need it"));
    }

    [Theory]
    [InlineData("/api/subscriptions/*", "api/subscriptions/{subscriptionId}/feed.atom", true)]
    [InlineData("/api/subscriptions/*", "api/subscriptions", false)]
    [InlineData("/api/subscriptions/*", "api/matches/{articleId?}", false)]
    [InlineData("/api/matches.atom", "api/matches.atom", true)]
    [InlineData("/api/matches.atom", "api/matches/{articleId?}", false)]
    [InlineData("/api/poison", "api/poison/{action?}", true)]
    public void AnExcludedPathCoversTheRoutesItNames(string path, string route, bool covered)
    {
        Assert.Equal(covered, new HttpRoute("Anonymous", route).Matches(path));
    }

    /// <summary>
    /// The issuer in the public cloud. The snapshot leaves <c>environment()</c> unevaluated; the Bicep takes the login
    /// endpoint from it (the linter forbids a literal cloud URL), so the same template serves sovereign clouds.
    /// </summary>
    private static string Issuer(string value) => ArmExpression.Parse(value) switch
    {
        ArmCall { Arguments: [ArmString template, ArmMember { Text: "environment().authentication.loginEndpoint" }, ArmString tenant] } call when call.Is("format")
            => string.Format(System.Globalization.CultureInfo.InvariantCulture, template.Value, "https://login.microsoftonline.com/", tenant.Value),
        ArmString literal => literal.Value,
        var other => throw new InvalidOperationException($"openIdIssuer is an expression the test cannot read: {other.Text}"),
    };

    private static JsonElement AuthResource(DeploymentSnapshot snapshot) => snapshot.OfType("Microsoft.Web/sites/config")
        .Single(r => r.GetProperty("name").GetString()!.EndsWith("/authsettingsV2", StringComparison.Ordinal));

    private static JsonElement AuthSettings(DeploymentSnapshot snapshot) => DeploymentTests.Properties(AuthResource(snapshot));

    /// <summary>The HTTP triggers of the Functions app, read from its attributes: authorization level and route template.</summary>
    private static List<HttpRoute> HttpRoutes()
        => typeof(NewsMonitor.Functions.MatchesApi).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods())
            .SelectMany(method => method.GetParameters())
            .Select(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>()
            .Select(trigger => new HttpRoute(trigger.AuthLevel.ToString(), trigger.Route ?? string.Empty))
            .ToList();

    private sealed record HttpRoute(string Level, string Route)
    {
        /// <summary>Guarded by something other than sign-in: the admin key, or the token of an Atom feed.</summary>
        public bool GuardedOtherwise => Level == "Admin" || (Level == "Anonymous" && Route.EndsWith(".atom", StringComparison.Ordinal));

        /// <summary>
        /// Whether a request path reaches this route (host.json adds no prefix: each route spells out where it lives, as
        /// FunctionsMetadataTests pins). The workspace's catch-all is never more specific than an api/ route.
        /// </summary>
        public bool Matches(string path)
        {
            // App Service takes a trailing "/*" as "anything below": every route under that prefix.
            if (path.EndsWith("/*", StringComparison.Ordinal))
            {
                return ("/" + Route).StartsWith(path[..^1], StringComparison.Ordinal);
            }

            var pattern = string.Concat(Route.Split('/').Select(segment => segment switch
            {
                ['{', .., '?', '}'] => "(/[^/]+)?",
                ['{', .., '}'] => "/[^/]+",
                _ => "/" + Regex.Escape(segment),
            }));
            return Regex.IsMatch(path, "^" + pattern + "$");
        }
    }
}
