using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NewsMonitor.Http;

namespace NewsMonitor.Digests.Delivery;

/// <summary>
/// Posts a digest to a webhook as our JSON, a Slack message or a Teams Adaptive Card, signed with
/// <c>X-NewsMonitor-Signature: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c> under the subscription's secret
/// (setting <c>Monitor:WebhookSecrets:{subscription id}</c>); a webhook marked <c>"signed": false</c> goes unsigned.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, WebhookSecrets secrets)
{
    public const string SignatureHeader = "X-NewsMonitor-Signature";

    public async Task SendAsync(Subscription subscription, WebhookTarget target, Digest digest, string text, CancellationToken cancellationToken = default)
    {
        var body = Body(target.Format, digest, text);
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (target.IsSigned)
        {
            var secret = secrets.BySubscription.GetValueOrDefault(subscription.Id)
                ?? throw new DeliveryException($"subscription {subscription.Id}: webhook {target.Url.Host} is to be signed but no secret is set; set {WebhookSecrets.SettingName(subscription.Id)} or mark the webhook \"signed\": false");
            request.Headers.Add(SignatureHeader, Sign(secret, body));
        }

        try
        {
            using var response = await clients.CreateClient(HttpClientNames.Webhooks).SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new DeliveryException($"subscription {subscription.Id}: webhook {target.Url.Host} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }
        }
        catch (HttpRequestException ex)
        {
            throw new DeliveryException($"subscription {subscription.Id}: webhook {target.Url.Host} could not be reached: {ex.Message}", ex);
        }
    }

    public static string Sign(string secret, byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>The exact bytes posted, in the target's shape; each shape escapes feed text for where it is shown.</summary>
    internal static byte[] Body(WebhookFormat format, Digest digest, string text) => JsonSerializer.SerializeToUtf8Bytes(format switch
    {
        WebhookFormat.Slack => SlackPayload.Build(digest),
        WebhookFormat.Teams => TeamsPayload.Build(digest),
        _ => JsonPayload.Build(digest, text),
    }, JsonDefaults.Options);
}
