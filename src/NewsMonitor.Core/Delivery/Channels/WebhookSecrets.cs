using Microsoft.Extensions.Configuration;
using NewsMonitor.Delivery.Digests;

namespace NewsMonitor.Delivery.Channels;

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

    /// <summary>
    /// The webhooks meant to be signed whose subscription has no secret (a setting forgotten, not a choice), and secrets in
    /// the <c>whsec_</c> form that are not base64: each would stop every send, so <c>monitor run</c> refuses to start.
    /// </summary>
    public IReadOnlyList<string> Problems(IEnumerable<Subscription> subscriptions)
        => subscriptions
            .Where(s => s.Webhooks.Any(w => w.IsSigned))
            .Select(s => BySubscription.GetValueOrDefault(s.Id) switch
            {
                null => $"subscription {s.Id}: its webhooks are signed but no secret is set; set {SettingName(s.Id)} or mark each webhook \"signed\": false",
                var secret when WebhookSignature.Key(secret) is null => $"subscription {s.Id}: the secret in {SettingName(s.Id)} starts with \"{WebhookSignature.SecretPrefix}\" but the rest is not base64",
                _ => null,
            })
            .OfType<string>()
            .ToList();

    /// <summary>The environment-variable form of a subscription's secret setting, which every shell accepts.</summary>
    public static string SettingName(string subscriptionId) => "Monitor__WebhookSecrets__" + subscriptionId.Replace('-', '_');

    private static string SubscriptionId(string key) => key.Replace('_', '-').ToLowerInvariant();
}
