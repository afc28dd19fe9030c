using Microsoft.Extensions.Configuration;

namespace NewsMonitor.Digests.Delivery;

/// <summary>
/// Each subscription's webhook signing secret, from the settings <c>Monitor:WebhookSecrets:{name}</c> (Key Vault in
/// Azure). The name is the subscription id in any case, with <c>_</c> for <c>-</c>, so it can be written where a
/// hyphen cannot: an App Service setting or a shell variable (<c>export Monitor__WebhookSecrets__russia_desk=…</c>).
/// </summary>
public sealed record WebhookSecrets(IReadOnlyDictionary<string, string> BySubscription)
{
    public const string SectionName = "Monitor:WebhookSecrets";

    public static WebhookSecrets FromConfiguration(IConfiguration configuration)
        => new(configuration.GetSection(SectionName).GetChildren()
            .Where(secret => !string.IsNullOrEmpty(secret.Value))
            .GroupBy(secret => SubscriptionId(secret.Key), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Last().Value!, StringComparer.Ordinal));

    /// <summary>The webhooks meant to be signed whose subscription has no secret: a setting forgotten, not a choice.</summary>
    public IReadOnlyList<string> Missing(IEnumerable<Subscription> subscriptions)
        => subscriptions
            .Where(s => s.Webhooks.Any(w => w.IsSigned) && !BySubscription.ContainsKey(s.Id))
            .Select(s => $"subscription {s.Id}: its webhooks are signed but no secret is set; set {SettingName(s.Id)} or mark each webhook \"signed\": false")
            .ToList();

    /// <summary>The environment-variable form of a subscription's secret setting, which every shell accepts.</summary>
    public static string SettingName(string subscriptionId) => "Monitor__WebhookSecrets__" + subscriptionId.Replace('-', '_');

    private static string SubscriptionId(string key) => key.Replace('_', '-').ToLowerInvariant();
}
