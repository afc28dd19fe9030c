namespace NewsMonitor.Digests.Delivery;

/// <summary>Each subscription's webhook signing secret, from the settings <c>Monitor:WebhookSecrets:{subscription id}</c> (Key Vault in Azure).</summary>
public sealed record WebhookSecrets(IReadOnlyDictionary<string, string> BySubscription)
{
    public const string SectionName = "Monitor:WebhookSecrets";
}
