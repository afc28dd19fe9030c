using System.Security.Cryptography;
using System.Text;

namespace NewsMonitor.Delivery.Channels;

/// <summary>
/// Standard Webhooks signing (https://www.standardwebhooks.com): headers <c>webhook-id</c> (the same on every retry of
/// one message, so a receiver can drop a repeat), <c>webhook-timestamp</c> (Unix seconds of this attempt, so it can
/// refuse a replay) and <c>webhook-signature: v1,{base64 HMAC-SHA256 of "{id}.{timestamp}.{body}"}</c>.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    /// <summary>The prefix of a secret in the spec's form: the key's bytes in base64 after it.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>
    /// The HMAC key of a secret: the base64 after <c>whsec_</c>, or — for a secret set before signatures followed the
    /// spec — the UTF-8 bytes of the plain text, which a receiver's verifier takes as <c>whsec_</c> + base64 of that text.
    /// </summary>
    /// <returns>Null when a <c>whsec_</c> secret is not base64.</returns>
    public static byte[]? Key(string secret)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(secret);
        }

        var key = new byte[secret.Length];
        return Convert.TryFromBase64String(secret[SecretPrefix.Length..], key, out var length) && length > 0 ? key[..length] : null;
    }

    /// <summary>
    /// The message id of an item on one webhook: derived, not stored, so every retry of it — by the queue, the next digest
    /// run or a process that took over a crashed claim — carries the same id.
    /// </summary>
    public static string MessageId(string subscriptionId, string itemKey, string channelKey)
        => "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{subscriptionId}\n{itemKey}\n{channelKey}")))[..32];

    public static string Sign(byte[] key, string messageId, DateTimeOffset timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes($"{messageId}.{timestamp.ToUnixTimeSeconds()}.").Concat(body).ToArray();
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}
