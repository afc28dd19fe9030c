namespace NewsMonitor.Digests;

/// <summary>A webhook a digest is posted to, in our JSON, a Slack message or a Teams Adaptive Card.</summary>
public sealed record WebhookTarget(Uri Url, WebhookFormat Format);

/// <summary>The payload shapes a webhook can ask for.</summary>
public enum WebhookFormat
{
    Json,
    Slack,
    Teams,
}
