using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsMonitor.Delivery.Digests;
using NewsMonitor.Http;

namespace NewsMonitor.Delivery.Channels;

/// <summary>
/// Posts a digest to a webhook as our JSON, a Slack message or a Teams Adaptive Card, signed by the Standard Webhooks
/// scheme (<see cref="WebhookSignature"/>) under the subscription's secret (setting
/// <c>Monitor:WebhookSecrets:{subscription id}</c>); a webhook marked <c>"signed": false</c> goes unsigned but still
/// carries <c>webhook-id</c>, so a receiver can drop a repeat.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, WebhookSecrets secrets, IOptions<OutboundHttpOptions> limits, TimeProvider clock)
{
    /// <param name="messageId">The <c>webhook-id</c>: the same for every attempt at this item on this webhook.</param>
    public async Task SendAsync(Subscription subscription, WebhookTarget target, Digest digest, string text, string messageId, CancellationToken cancellationToken = default)
    {
        var body = Body(target.Format, digest, text);
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var now = clock.GetUtcNow();
        request.Headers.Add(WebhookSignature.IdHeader, messageId);
        request.Headers.Add(WebhookSignature.TimestampHeader, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        if (target.IsSigned)
        {
            var secret = secrets.BySubscription.GetValueOrDefault(subscription.Id)
                ?? throw new DeliveryException($"subscription {subscription.Id}: webhook {target.Url.Host} is to be signed but no secret is set; set {WebhookSecrets.SettingName(subscription.Id)} or mark the webhook \"signed\": false");
            var key = WebhookSignature.Key(secret)
                ?? throw new DeliveryException($"subscription {subscription.Id}: the secret in {WebhookSecrets.SettingName(subscription.Id)} starts with \"{WebhookSignature.SecretPrefix}\" but the rest is not base64");
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(key, messageId, now, body));
        }

        // The webhook client has no timeout of its own; a receiver that never answers must not hold the claim until its lease ends.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.Value.Timeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientNames.Webhooks).SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new DeliveryException($"subscription {subscription.Id}: webhook {target.Url.Host} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }
        }
        catch (HttpRequestException ex)
        {
            throw new DeliveryException($"subscription {subscription.Id}: webhook {target.Url.Host} could not be reached: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The receiver may have accepted before it timed out: the retry carries the same webhook-id, for it to drop.
            throw new DeliveryException($"subscription {subscription.Id}: webhook {target.Url.Host} did not answer within {limits.Value.Timeout.TotalSeconds:0} s", ex);
        }
    }

    /// <summary>The exact bytes posted, in the target's shape; each shape escapes feed text for where it is shown.</summary>
    internal static byte[] Body(WebhookFormat format, Digest digest, string text) => JsonSerializer.SerializeToUtf8Bytes(format switch
    {
        WebhookFormat.Slack => SlackPayload.Build(digest),
        WebhookFormat.Teams => TeamsPayload.Build(digest),
        _ => JsonPayload.Build(digest, text),
    }, JsonDefaults.Options);
}
