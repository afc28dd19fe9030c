namespace NewsMonitor.Digests;

/// <summary>A webhook a digest is posted to, in our JSON or a Slack- or Teams-compatible shape.</summary>
public sealed record WebhookTarget(Uri Url, WebhookFormat Format);

/// <summary>The payload shapes a webhook can ask for.</summary>
public enum WebhookFormat
{
    Json,
    Slack,
    Teams,
}
