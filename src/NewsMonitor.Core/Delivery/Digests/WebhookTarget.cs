namespace NewsMonitor.Delivery.Digests;

/// <summary>
/// A webhook a digest is posted to, in our JSON, a Slack message or a Teams Adaptive Card; <see cref="IsSigned"/> unless
/// the subscription says <c>"signed": false</c>, and then a missing secret stops the send rather than letting it go unsigned.
/// </summary>
public sealed record WebhookTarget(Uri Url, WebhookFormat Format, bool IsSigned = true);

/// <summary>The payload shapes a webhook can ask for.</summary>
public enum WebhookFormat
{
    Json,
    Slack,
    Teams,
}
