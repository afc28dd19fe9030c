using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace NewsMonitor.Delivery.Syndication;

/// <summary>
/// The secret in a feed URL, for feed readers that cannot send a header: HMAC-SHA256 of the feed's canonical address
/// under <see cref="FeedKeyOptions.FeedKey"/>, base64url. Nothing is stored per feed; a new key revokes every token.
/// </summary>
public sealed class FeedTokens(IOptions<FeedKeyOptions> options)
{
    private readonly byte[]? key = string.IsNullOrEmpty(options.Value.FeedKey) ? null : Encoding.UTF8.GetBytes(options.Value.FeedKey);

    /// <summary>Whether a key is set; without one the feed routes refuse and no URL can be printed.</summary>
    public bool Enabled => key is not null;

    public const string Disabled = "Atom feeds are off: Monitor:FeedKey is not set (a secret of at least 32 characters, e.g. `openssl rand -base64 32`; docs/atom-feeds.md)";

    /// <exception cref="InvalidOperationException">No key is set.</exception>
    public string For(FeedAddress address)
        => Base64Url(HMACSHA256.HashData(key ?? throw new InvalidOperationException(Disabled), Encoding.UTF8.GetBytes(address.Canonical)));

    /// <summary>Whether <paramref name="token"/> is the address's token, compared in constant time so its timing tells nothing.</summary>
    public bool Verify(FeedAddress address, string? token)
    {
        if (key is null || string.IsNullOrEmpty(token))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(For(address));
        var given = Encoding.UTF8.GetBytes(token);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
