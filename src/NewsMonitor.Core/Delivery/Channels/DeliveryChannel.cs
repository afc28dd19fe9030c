using System.Security.Cryptography;
using System.Text;
using NewsMonitor.Delivery.Digests;

namespace NewsMonitor.Delivery.Channels;

/// <summary>
/// One channel of a subscription, with the key its deliveries and digest state are recorded under: <c>email</c> (all
/// its addresses in one message), <c>webhook-{hash}</c> for each webhook (a hash of its URL, so reordering or adding
/// webhooks keeps each one's record), or <c>store</c> for a subscription with no channel (digests are only stored).
/// </summary>
public abstract record DeliveryChannel(string Key)
{
    /// <summary>The subscription's channels in a stable order: email, then its webhooks, or store alone; a webhook listed twice is one channel.</summary>
    public static IReadOnlyList<DeliveryChannel> Of(Subscription subscription)
    {
        var channels = new List<DeliveryChannel>();
        if (subscription.Email.Count > 0)
        {
            channels.Add(new EmailChannel(subscription.Email));
        }

        channels.AddRange(subscription.Webhooks.Select(target => new WebhookChannel(target)).DistinctBy(channel => channel.Key, StringComparer.Ordinal));
        return channels.Count > 0 ? channels : [StoreChannel.Instance];
    }

    /// <summary>What a reader of a summary calls it: "email to 2 recipients", "Slack webhook".</summary>
    public abstract string Describe();
}

/// <summary>One email to every address of the subscription.</summary>
public sealed record EmailChannel(IReadOnlyList<string> Addresses) : DeliveryChannel("email")
{
    public override string Describe() => $"email to {Addresses.Count} {(Addresses.Count == 1 ? "recipient" : "recipients")}";
}

/// <summary>A webhook, keyed by a hash of its URL.</summary>
public sealed record WebhookChannel(WebhookTarget Target) : DeliveryChannel(KeyFor(Target.Url))
{
    /// <summary><c>webhook-</c> and the first 12 hex digits of SHA-256 of the absolute URL: stable, and no secret in a URL's query shows in storage.</summary>
    public static string KeyFor(Uri url) => "webhook-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri)))[..12];

    public override string Describe() => Target.Format switch
    {
        WebhookFormat.Slack => "Slack webhook",
        WebhookFormat.Teams => "Teams webhook",
        _ => "JSON webhook",
    };
}

/// <summary>No channel: the item is recorded (and a digest stored) but sent nowhere.</summary>
public sealed record StoreChannel() : DeliveryChannel("store")
{
    public static StoreChannel Instance { get; } = new();

    public override string Describe() => "stored only";
}
