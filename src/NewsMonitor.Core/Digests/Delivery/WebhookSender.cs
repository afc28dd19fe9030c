using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NewsMonitor.Http;

namespace NewsMonitor.Digests.Delivery;

/// <summary>
/// Posts a digest to a webhook as our JSON, or a Slack- or Teams-compatible message, signed with
/// <c>X-NewsMonitor-Signature: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c> under the subscription's secret
/// (setting <c>Monitor:WebhookSecrets:{subscription id}</c>); a webhook marked <c>"signed": false</c> goes unsigned.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, WebhookSecrets secrets)
{
    public const string SignatureHeader = "X-NewsMonitor-Signature";

    public async Task SendAsync(Subscription subscription, WebhookTarget target, Digest digest, string text, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(Payload(target.Format, digest, text), JsonDefaults.Options);
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

    private static object Payload(WebhookFormat format, Digest digest, string text) => format switch
    {
        WebhookFormat.Slack => new { text = $"*{digest.SubscriptionName}*: {digest.ItemCount} new\n" + string.Join('\n', Items(digest).Select(i => $"• <{i.Url}|{Escape(i.Title)}> — {Escape(i.Snippet)}")) },
        WebhookFormat.Teams => new Dictionary<string, object>
        {
            ["@type"] = "MessageCard",
            ["@context"] = "https://schema.org/extensions",
            ["summary"] = EmailSender.Subject(digest),
            ["title"] = EmailSender.Subject(digest),
            ["sections"] = digest.Sections.Select(s => new { activityTitle = s.EntityName, text = string.Join("<br>", s.Items.Select(i => $"[{i.Title}]({i.Url}): {i.Snippet}")) }).ToList(),
        },
        _ => new
        {
            subscription = digest.SubscriptionId,
            name = digest.SubscriptionName,
            from = digest.From,
            to = digest.To,
            count = digest.ItemCount,
            sections = digest.Sections.Select(s => new { entityId = s.EntityId, entity = s.EntityName, items = s.Items }),
            text,
            sentAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        },
    };

    private static IEnumerable<DigestItem> Items(Digest digest) => digest.Sections.SelectMany(s => s.Items);

    // Slack mrkdwn treats &, < and > as control characters.
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
